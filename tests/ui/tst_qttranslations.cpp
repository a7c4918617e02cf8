// Qt's own strings (the standard buttons of every dialog) follow the app's language: a
// German user must not see Save, Cancel and Discard in English. Run with LANG=de_DE.UTF-8
// (see CMakeLists.txt), so the language comes from the environment as for a real user.

#include <startup.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

class TestQtTranslations : public QObject
{
    Q_OBJECT

private slots:
    void standardButtonsFollowTheSystemLanguage();
    void standardButtonsFollowTheChosenLanguage();
};

namespace {

QStringList buttonTexts()
{
    QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel
                         | QDialogButtonBox::Discard);
    QStringList texts;
    for (auto which : {QDialogButtonBox::Save, QDialogButtonBox::Cancel, QDialogButtonBox::Discard})
        texts.append(box.button(which)->text().remove(QLatin1Char('&')));
    return texts;
}

void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

void TestQtTranslations::standardButtonsFollowTheSystemLanguage()
{
    QVERIFY2(QLocale::system().language() == QLocale::German,
             "run this test with LANG=de_DE.UTF-8");
    QVERIFY(Cronhelm::installTranslations(*qApp, QString()));
    const QStringList texts = buttonTexts();
    QCOMPARE(texts,
             (QStringList{QStringLiteral("Speichern"), QStringLiteral("Abbrechen"),
                          QStringLiteral("Verwerfen")}));
    removeTranslators();
    QCOMPARE(buttonTexts().first(), QStringLiteral("Save")); // the check can fail
}

void TestQtTranslations::standardButtonsFollowTheChosenLanguage()
{
    // (The app's own French is not linked into this test; Qt's is what is checked.)
    Cronhelm::installTranslations(*qApp, QStringLiteral("fr"));
    QCOMPARE(buttonTexts(),
             (QStringList{QStringLiteral("Enregistrer"), QStringLiteral("Annuler"),
                          QStringLiteral("Ne pas tenir compte")}));
    removeTranslators();
    QLocale::setDefault(QLocale::system());
}

QTEST_MAIN(TestQtTranslations)
#include "tst_qttranslations.moc"
