// File → History Retention…: an admin changes the policy by typing in the dialog; a viewer
// sees it read-only with the reason; a save the database refuses keeps the dialog open with
// the reason shown inline and the values as typed.

#include "uitestsupport.h"

#include <messagebar.h>
#include <retentiondialog.h>
#include <retentionsettings.h>
#include <storeclient.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

QSpinBox *spin(RetentionDialog &dialog, const char *name)
{
    return dialog.findChild<QSpinBox *>(QLatin1String(name));
}

QPushButton *button(RetentionDialog &dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
    return box ? box->button(which) : nullptr;
}

// Replaces the spin box's number by typing, as a person would.
void type(QSpinBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
}

bool waitLoaded(RetentionDialog &dialog)
{
    return QTest::qWaitFor(
        [&dialog] { return !dialog.settings()->isBusy() && spin(dialog, "keepDays")->value() > 1; },
        10000);
}

// The dialog open for a new login with `role`, its policy loaded.
struct OpenDialog
{
    OpenDialog(TestDatabase &db, const QString &role)
        : db(db)
        , login(db.createLoginRole(role))
    {}
    bool open()
    {
        if (!login || !connectClient(client, db.conninfoAs(*login)))
            return false;
        dialog = std::make_unique<RetentionDialog>(&client);
        dialog->show();
        return waitLoaded(*dialog);
    }

    TestDatabase &db;
    const Result<QString> login;
    StoreClient client;
    std::unique_ptr<RetentionDialog> dialog;
};

} // namespace

class TestRetentionDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void adminChangesPolicy();
    void viewerSeesItReadOnly();
    void refusedSaveStaysOpen();
    void listsJobsWithTheirOwnRetention();
};

void TestRetentionDialog::adminChangesPolicy()
{
    CH_DATABASE(db);
    OpenDialog admin(*db, QStringLiteral("cronhelm_admin"));
    QVERIFY(admin.open());
    RetentionDialog &dialog = *admin.dialog;
    QCOMPARE(spin(dialog, "keepDays")->value(), 365);
    QCOMPARE(spin(dialog, "keepRuns")->value(), 100);
    QVERIFY(spin(dialog, "keepDays")->isEnabled());

    type(spin(dialog, "keepDays"), QStringLiteral("30"));
    type(spin(dialog, "keepRuns"), QStringLiteral("7"));
    QCOMPARE(spin(dialog, "keepDays")->value(), 30);
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::mouseClick(button(dialog, QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    const Result<QList<QStringList>> stored =
        db->query(QStringLiteral("SELECT keep_days, keep_runs FROM cronhelm.retention_policy"));
    CH_VERIFY_OK(stored);
    QCOMPARE(stored->value(0), (QStringList{QStringLiteral("30"), QStringLiteral("7")}));
}

void TestRetentionDialog::viewerSeesItReadOnly()
{
    CH_DATABASE(db);
    CH_VERIFY_OK(db->query(QStringLiteral("SELECT cronhelm.set_retention_policy(90, 12)")));
    OpenDialog viewer(*db, QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.open());
    RetentionDialog &dialog = *viewer.dialog;
    QCOMPARE(spin(dialog, "keepDays")->value(), 90);
    QCOMPARE(spin(dialog, "keepRuns")->value(), 12);
    QVERIFY(!spin(dialog, "keepDays")->isEnabled());
    QVERIFY(!spin(dialog, "keepRuns")->isEnabled());
    QVERIFY2(spin(dialog, "keepDays")->toolTip().contains(QLatin1String("cronhelm_admin")),
             qPrintable(spin(dialog, "keepDays")->toolTip()));
    QVERIFY(!button(dialog, QDialogButtonBox::Save));
    // Typing changes nothing; Return does not save (there is nothing to press).
    type(spin(dialog, "keepDays"), QStringLiteral("1"));
    QCOMPARE(spin(dialog, "keepDays")->value(), 90);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(!dialog.settings()->isBusy());
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::mouseClick(button(dialog, QDialogButtonBox::Close), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(*db->scalar(QStringLiteral("SELECT keep_days FROM cronhelm.retention_policy")),
             QStringLiteral("90"));
}

void TestRetentionDialog::refusedSaveStaysOpen()
{
    CH_DATABASE(db);
    OpenDialog admin(*db, QStringLiteral("cronhelm_admin"));
    QVERIFY(admin.open());
    RetentionDialog &dialog = *admin.dialog;
    // The role is taken away while the dialog is open: the database refuses the save.
    CH_VERIFY_OK(db->query(QStringLiteral("REVOKE cronhelm_admin FROM %1; GRANT cronhelm_viewer"
                                          " TO %1")
                               .arg(*admin.login)));
    type(spin(dialog, "keepDays"), QStringLiteral("14"));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::mouseClick(button(dialog, QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&dialog] { return !dialog.messageBar()->text().isEmpty(); }, 10000));
    QCOMPARE(dialog.messageBar()->type(), MessageBar::Type::Error);
    QVERIFY(dialog.isVisible());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(spin(dialog, "keepDays")->value(), 14);
    QVERIFY(spin(dialog, "keepDays")->isEnabled());
    QCOMPARE(*db->scalar(QStringLiteral("SELECT keep_days FROM cronhelm.retention_policy")),
             QStringLiteral("365"));
}

// The jobs whose retention differs from the policy are listed with their own numbers, for
// everyone; jobs without one are not.
void TestRetentionDialog::listsJobsWithTheirOwnRetention()
{
    CH_DATABASE(db);
    QJsonObject archive = httpJobSpec(QStringLiteral("archive"));
    archive.insert(QStringLiteral("keep_days"), 3650);
    QVERIFY(createJob(*db, archive) > 0);
    QVERIFY(createJob(*db, httpJobSpec(QStringLiteral("plain"))) > 0);
    QJsonObject chatty = httpJobSpec(QStringLiteral("chatty"));
    chatty.insert(QStringLiteral("keep_runs"), 7);
    QVERIFY(createJob(*db, chatty) > 0);
    OpenDialog viewer(*db, QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.open());
    auto *list = viewer.dialog->findChild<QTreeWidget *>(QStringLiteral("overridesList"));
    QVERIFY(list);
    QVERIFY(list->isVisible());
    QCOMPARE(list->topLevelItemCount(), 2);
    const QTreeWidgetItem *first = list->topLevelItem(0);
    QCOMPARE(first->text(0), QStringLiteral("archive"));
    QVERIFY2(first->text(1).contains(QLatin1String("3650")), qPrintable(first->text(1)));
    QCOMPARE(first->text(2), QStringLiteral("as the policy says"));
    const QTreeWidgetItem *second = list->topLevelItem(1);
    QCOMPARE(second->text(0), QStringLiteral("chatty"));
    QCOMPARE(second->text(1), QStringLiteral("as the policy says"));
    QVERIFY2(second->text(2).contains(QLatin1String("7")), qPrintable(second->text(2)));
}

QTEST_MAIN(TestRetentionDialog)
#include "tst_retentiondialog.moc"
