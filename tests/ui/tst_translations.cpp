// The German and French translations are complete: every message of the app (and of the
// core strings it shows) is translated, with the same placeholders as the English text.
// Run through check-translations.sh, which runs lupdate over the sources first.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
};

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(current);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{};
            current.context = context;
            current.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QStringView type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished")
                || type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (!current.numerus)
                current.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            current.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]"));
    QSet<QString> out;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        out.insert(m.captured().remove(QLatin1Char('L')));
    return out;
}

} // namespace

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::complete()
{
    QFETCH(QString, language);
    // check-translations.sh points CRONHELM_TS_DIR at copies freshly updated by lupdate.
    const QString tsDir =
        qEnvironmentVariable("CRONHELM_TS_DIR",
                             qEnvironmentVariable("CRONHELM_SOURCE_DIR", QStringLiteral("."))
                                 + QLatin1String("/translations"));
    const QString path = QDir(tsDir).filePath(QStringLiteral("cronhelm_%1.ts").arg(language));
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QLatin1String(": ") + error));
    QVERIFY(messages.size() > 400);
    int plurals = 0;
    for (const Message &m : messages) {
        const QString where = m.context + QLatin1String(": ") + m.source;
        QVERIFY2(!m.unfinished, qPrintable(QLatin1String("unfinished: ") + where));
        QVERIFY2(!m.translations.isEmpty(), qPrintable(where));
        plurals += m.numerus;
        if (m.numerus)
            QVERIFY2(m.translations.size() >= 2,
                     qPrintable(QLatin1String("plural forms: ") + where));
        // Every form says the same things, with the same placeholders (a singular form may
        // spell out the number instead of %n).
        for (const QString &t : m.translations) {
            QVERIFY2(!t.isEmpty(), qPrintable(QLatin1String("empty: ") + where));
            QCOMPARE(placeholders(t), placeholders(m.source));
        }
    }
    QVERIFY(plurals >= 10);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
