#include "uitestsupport.h"

#include <logtail.h>
#include <logviewer.h>
#include <messagebar.h>
#include <storeclient.h>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestLogViewer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void followsARunningJob();
    void findsAndSaves();
    void marksTruncatedOutput();
    void showsBinaryBytesAsEscapes();
};

void TestLogViewer::followsARunningJob()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 run = node.fire(job);
    for (int i = 1; i <= 200; ++i)
        QVERIFY(node.log(run, i, QStringLiteral("line %1\n").arg(i)));

    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    LogViewer viewer(&client, run);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("line 200")),
                             3000);
    QTRY_VERIFY(viewer.isFollowing()); // the run is still going
    QScrollBar *bar = viewer.text()->verticalScrollBar();
    QCOMPARE(bar->value(), bar->maximum());

    // A line printed now shows within half a second, and the view scrolls along.
    QElapsedTimer clock;
    clock.start();
    QVERIFY(node.log(run, 201, QStringLiteral("line 201\n")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("line 201")), 500);
    QVERIFY(clock.elapsed() < 500);
    QCOMPARE(bar->value(), bar->maximum());

    // Scrolling up pauses following: new output does not move the view.
    bar->setValue(10);
    QVERIFY(!viewer.isFollowing());
    QVERIFY(node.log(run, 202, QStringLiteral("line 202\n")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("line 202")),
                             1000);
    QCOMPARE(bar->value(), 10);
    auto *jump = viewer.findChild<QPushButton *>();
    Q_UNUSED(jump);
    // Back at the end, following resumes.
    bar->setValue(bar->maximum());
    QVERIFY(viewer.isFollowing());
    QVERIFY(node.log(run, 203, QStringLiteral("line 203\n")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("line 203")),
                             1000);
    QCOMPARE(bar->value(), bar->maximum());
    // Every piece once, in order.
    QCOMPARE(viewer.text()->toPlainText().count(QLatin1String("line 17\n")), 1);
    QVERIFY(viewer.text()->toPlainText().indexOf(QLatin1String("line 202"))
            < viewer.text()->toPlainText().indexOf(QLatin1String("line 203")));
}

void TestLogViewer::findsAndSaves()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 run = node.fire(job);
    QVERIFY(node.log(run, 1, QStringLiteral("starting\n"), QStringLiteral("system")));
    QVERIFY(node.log(run, 2, QStringLiteral("alpha\nBeta\ngamma\n")));
    QVERIFY(node.log(run, 3, QStringLiteral("warning: beta is slow\n"), QStringLiteral("stderr")));
    QVERIFY(node.finish(run, QStringLiteral("succeeded")));

    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    LogViewer viewer(&client, run);
    viewer.show();
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("slow")), 3000);
    viewer.setFindText(QStringLiteral("beta"));
    QVERIFY(viewer.find());
    QCOMPARE(viewer.text()->textCursor().selectedText(), QStringLiteral("Beta"));
    QVERIFY(viewer.find());
    QCOMPARE(viewer.text()->textCursor().selectedText(), QStringLiteral("beta"));
    viewer.findChild<QCheckBox *>(QString(), Qt::FindDirectChildrenOnly);
    viewer.setFindText(QStringLiteral("nothing like this"));
    QVERIFY(!viewer.find());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.log"));
    QVERIFY(viewer.saveTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("starting\nalpha\nBeta\ngamma\nwarning: beta is slow\n"));
    QVERIFY(!viewer.isTruncationShown());
}

void TestLogViewer::marksTruncatedOutput()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 run = node.fire(job);
    QVERIFY(node.log(run, 1, QStringLiteral("first part\n")));

    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    LogViewer viewer(&client, run);
    viewer.show();
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("first part")),
                             3000);
    QVERIFY(!viewer.isTruncationShown());
    QVERIFY(node.log(run, 2, QStringLiteral("last kept line\n")));
    QVERIFY(node.finish(run, QStringLiteral("failed"), 1, true));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.isTruncationShown(), 3000);
    const QString text = viewer.text()->toPlainText();
    QVERIFY2(text.indexOf(QLatin1String("truncated"))
                 > text.indexOf(QLatin1String("last kept line")),
             qPrintable(text));
    QVERIFY(viewer.findChild<MessageBar *>()->text().contains(QLatin1String("log limit")));
    QVERIFY(!viewer.isFollowing());
}

// A job that printed a NUL and a byte that is not UTF-8 (stored as LogText escapes): the
// viewer shows them as visible \xNN escapes, and the rest of the output as it was.
void TestLogViewer::showsBinaryBytesAsEscapes()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 run = node.fire(job);
    QVERIFY(node.log(run, 1,
                     QStringLiteral("a") + QChar(char16_t(0xF700)) + QStringLiteral("b")
                         + QChar(char16_t(0xF7FF)) + QStringLiteral("c\nnext line\n")));
    QVERIFY(node.finish(run, QStringLiteral("succeeded")));

    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    LogViewer viewer(&client, run);
    viewer.show();
    QTRY_VERIFY_WITH_TIMEOUT(viewer.text()->toPlainText().contains(QLatin1String("next line")),
                             3000);
    QVERIFY2(viewer.text()->toPlainText().contains(QLatin1String("a\\x00b\\xffc\n")),
             qPrintable(viewer.text()->toPlainText()));
}

QTEST_MAIN(TestLogViewer)
#include "tst_logviewer.moc"
