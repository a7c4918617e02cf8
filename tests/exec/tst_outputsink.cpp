#include <exec/outputsink.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

namespace {

struct Piece
{
    LogStream stream;
    QString text;
};

QList<Piece> pieces(const QSignalSpy &spy)
{
    QList<Piece> all;
    for (const auto &arguments : spy) {
        all.append({arguments.at(0).value<LogStream>(), arguments.at(1).toString()});
    }
    return all;
}

} // namespace

class TestOutputSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void coalescesSmallWrites()
    {
        OutputSink sink(0);
        QSignalSpy spy(&sink, &OutputSink::output);
        for (int i = 0; i < 100; ++i) {
            sink.append(LogStream::Stdout, "x");
        }
        QVERIFY(spy.isEmpty()); // held back briefly, not one signal per write
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(pieces(spy).at(0).text, QString(100, u'x'));
        QCOMPARE(sink.producedBytes(), 100);
    }

    void keepsOrderAcrossStreams()
    {
        OutputSink sink(0);
        QSignalSpy spy(&sink, &OutputSink::output);
        sink.append(LogStream::Stdout, "a\n");
        sink.append(LogStream::Stderr, "b\n");
        sink.systemLine(QStringLiteral("[cronhelm] note"));
        sink.append(LogStream::Stdout, "c");
        sink.flush();
        const auto all = pieces(spy);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0).stream, LogStream::Stdout);
        QCOMPARE(all.at(0).text, QStringLiteral("a\n"));
        QCOMPARE(all.at(1).stream, LogStream::Stderr);
        QCOMPARE(all.at(2).stream, LogStream::System);
        QCOMPARE(all.at(2).text, QStringLiteral("[cronhelm] note\n"));
        QCOMPARE(all.at(3).text, QStringLiteral("c"));
        // System lines start on a line of their own.
        sink.systemLine(QStringLiteral("[cronhelm] done"));
        QCOMPARE(pieces(spy).last().text, QStringLiteral("\n[cronhelm] done\n"));
    }

    void bigWritesArePiecesCutAtLines()
    {
        OutputSink sink(0);
        QSignalSpy spy(&sink, &OutputSink::output);
        const QByteArray line = QByteArray(99, 'y') + '\n';
        sink.append(LogStream::Stdout, line.repeated(3000)); // 300 kB
        sink.flush();
        QVERIFY(spy.count() >= 5);
        QString joined;
        for (const Piece &piece : pieces(spy)) {
            QVERIFY(piece.text.size() <= OutputSink::pieceBytes);
            QVERIFY(piece.text.endsWith(u'\n'));
            joined += piece.text;
        }
        QCOMPARE(joined, QString::fromLatin1(line.repeated(3000)));
    }

    void truncatesAtLimit()
    {
        OutputSink sink(10);
        QSignalSpy spy(&sink, &OutputSink::output);
        sink.append(LogStream::Stdout, "01234");
        sink.append(LogStream::Stderr, "56789abc");
        sink.append(LogStream::Stdout, "more and more");
        sink.flush();
        const auto all = pieces(spy);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).text, QStringLiteral("01234"));
        QCOMPARE(all.at(1).text, QStringLiteral("56789"));
        QCOMPARE(all.at(2).stream, LogStream::System);
        QCOMPARE(all.at(2).text,
                 QStringLiteral("\n[cronhelm] output truncated: log limit of 10 bytes reached; "
                                "further output was discarded\n"));
        QVERIFY(sink.truncated());
        QCOMPARE(sink.keptBytes(), 10);
        QCOMPARE(sink.producedBytes(), 26);
    }

    void truncatesBetweenCharacters()
    {
        OutputSink sink(5);
        QSignalSpy spy(&sink, &OutputSink::output);
        sink.append(LogStream::Stdout, QStringLiteral("abcd\u20ac").toUtf8()); // € = 3 bytes
        sink.flush();
        QCOMPARE(pieces(spy).at(0).text, QStringLiteral("abcd"));
        QCOMPARE(sink.keptBytes(), 4);
        QCOMPARE(sink.producedBytes(), 7);
    }

    void decodesUtf8KeepingEveryByte()
    {
        OutputSink sink(0);
        QSignalSpy spy(&sink, &OutputSink::output);
        const QByteArray emoji = QStringLiteral("\U0001F389").toUtf8(); // 4 bytes
        // A character split between two reads, and then between two pieces.
        sink.append(LogStream::Stdout, emoji.left(2));
        sink.append(LogStream::Stdout, QByteArray(emoji.mid(2) + "\n"));
        sink.flush();
        sink.append(LogStream::Stdout, emoji.left(1));
        sink.flush();
        sink.append(LogStream::Stdout,
                    QByteArray(emoji.mid(1)
                               + " a\xff"
                                 "b\n"));
        sink.flush();
        QString joined;
        for (const Piece &piece : pieces(spy)) {
            joined += piece.text;
        }
        QCOMPARE(joined,
                 QStringLiteral("\U0001F389\n\U0001F389 a") + QChar(char16_t(0xF7FF))
                     + QStringLiteral("b\n"));
        QCOMPARE(LogText::toBytes(joined),
                 QByteArray(emoji + "\n" + emoji
                            + " a\xff"
                              "b\n"));
    }

    // Issue 10: a NUL in the output made the node drop the whole log batch. Every byte a
    // job prints is kept and comes back unchanged, whatever it is and however it is split.
    void binaryOutputRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("nul and 0xff") << QByteArray("a\0b\377c", 5);
        QByteArray all;
        for (int b = 0; b < 256; ++b) {
            all.append(char(b));
        }
        QTest::newRow("every byte") << all;
        QTest::newRow("escape range itself") << QStringLiteral("x\uF700\uF7FFy").toUtf8();
        QTest::newRow("cut sequence at end") << QByteArray("ok \xe2\x82");
        QTest::newRow("overlong and surrogate")
            << QByteArray("\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82\xac");
    }

    void binaryOutputRoundTrips()
    {
        QFETCH(QByteArray, bytes);
        for (qsizetype split = 1; split <= 3; ++split) {
            OutputSink sink(0);
            QSignalSpy spy(&sink, &OutputSink::output);
            for (qsizetype i = 0; i < bytes.size(); i += split) {
                sink.append(LogStream::Stdout, bytes.mid(i, split));
            }
            sink.finish();
            QString joined;
            for (const Piece &piece : pieces(spy)) {
                joined += piece.text;
            }
            QVERIFY(!joined.contains(QChar(0)));
            QVERIFY(joined.isValidUtf16()); // storable as text
            QCOMPARE(LogText::toBytes(joined), bytes);
        }
        const QString stored = QStringLiteral("a") + QChar(char16_t(0xF700)) + QStringLiteral("b")
            + QChar(char16_t(0xF7FF));
        QCOMPARE(LogText::toDisplay(stored), QStringLiteral("a\\x00b\\xff"));
    }
};

QTEST_GUILESS_MAIN(TestOutputSink)
#include "tst_outputsink.moc"
