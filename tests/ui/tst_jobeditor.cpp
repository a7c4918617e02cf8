#include "uitestsupport.h"

#include <jobeditor.h>
#include <messagebar.h>
#include <storeclient.h>
#include <timeofdayedit.h>
#include <zonepicker.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestJobEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void createsJobWithTheBuilder();
    void validatesAsYouType_data();
    void validatesAsYouType();
    void refusesLocalTimeInGap();
    void asksWhichOfTwoLocalTimes();
    void staleVersionOffersReload();
    void lostConnectionKeepsInput();
    void showsJobReadOnly();
    void warnsAboutLiteralCredentials();
    void offersShellOnlyToShellAdmins_data();
    void offersShellOnlyToShellAdmins();
    void typedTimeReplacesTheOldOne_data();
    void typedTimeReplacesTheOldOne();
    void neverRunningScheduleCannotBeSaved();
    void acceptsRangesMixingNumberAndName();
    void saysWhySaveIsDisabled();
    void problemAppearingMovesNothing();
    void explainsScheduleMistakesInWords();
    void showsLogLimitInMegabytes();
    void namesUtcAsTheListDoes();
    void checksNameAgainstOtherJobsWhileTyping();
    void nameTakenMeanwhileIsRefusedByTheServer();
    void explainsTheSchedule();
    void savesTheJobsOwnRetention();
    void retentionIsReadOnlyForOthers();
};

namespace {

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QPushButton *saveButton(JobEditor &editor)
{
    return child<QDialogButtonBox>(&editor, "buttonBox")->button(QDialogButtonBox::Save);
}

// Lets the debounced check of the last edit run (problems, preview, Save).
void settle(JobEditor &editor)
{
    QApplication::processEvents();
    QVERIFY(QTest::qWaitFor([&editor] { return !editor.isCheckPending(); }, 5000));
    QApplication::processEvents();
}

// Clicks the tab that holds `widget`, as a user would before typing into it.
void showTabOf(JobEditor &editor, QWidget *widget)
{
    auto *tabs = child<QTabWidget>(&editor, "tabs");
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        const int index = tabs->indexOf(w);
        if (index >= 0) {
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {},
                              tabs->tabBar()->tabRect(index).center());
            return;
        }
    }
}

// Clicks into a line edit, selects all with Ctrl+A, types `text` (or deletes what is there)
// and leaves the field with Tab, as a user fills in a form.
void typeInto(JobEditor &editor, QLineEdit *edit, const QString &text)
{
    showTabOf(editor, edit);
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Tab);
}

void showEditor(JobEditor &editor)
{
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
}

JobRecord jobFromStore(TestDatabase &db, qint64 id)
{
    StoreConnection connection(db.conninfo());
    Result<JobRecord> job = JobStore(connection).byId(id);
    return job ? *job : JobRecord();
}

} // namespace

void TestJobEditor::createsJobWithTheBuilder()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTest::keyClicks(child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Nightly sync"));
    child<QLineEdit>(&editor, "ownerEdit")->setText(QStringLiteral("Data team"));
    child<QComboBox>(&editor, "methodCombo")->setCurrentText(QStringLiteral("POST"));
    child<QLineEdit>(&editor, "urlEdit")->setText(QStringLiteral("https://example.org/sync"));
    child<QPushButton>(&editor, "addHeaderButton")->click();
    auto *headers = child<QTableWidget>(&editor, "headersTable");
    headers->item(0, 0)->setText(QStringLiteral("Authorization"));
    headers->item(0, 1)->setText(QStringLiteral("Bearer ${env:CRM_TOKEN}"));
    child<QLineEdit>(&editor, "failRegexEdit")->setText(QStringLiteral("\"error\":\\s*true"));
    QTest::keyClicks(child<QLineEdit>(&editor, "runOnEdit"), QStringLiteral("gpu, eu-west.1"));

    // The builder: weekly on Monday and Wednesday at 07:45 in New York.
    auto *pattern = child<QComboBox>(&editor, "patternCombo");
    pattern->setCurrentIndex(pattern->findText(QStringLiteral("Every week, on chosen days")));
    child<QCheckBox>(&editor, "day1")->setChecked(true);
    child<QCheckBox>(&editor, "day3")->setChecked(true);
    auto *time = child<TimeOfDayEdit>(&editor, "timeEdit");
    QTest::mouseClick(time, Qt::LeftButton);
    QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(time, QStringLiteral("07:45"));
    QCOMPARE(child<QLineEdit>(&editor, "cronEdit")->text(), QStringLiteral("45 7 * * 1,3"));
    child<ZonePicker>(&editor, "zonePicker")->setZoneId(QStringLiteral("America/New_York"));
    settle(editor);

    QVERIFY2(editor.problems().isEmpty(),
             qPrintable(editor.problems().values().join(QLatin1Char(';'))));
    const auto preview = editor.preview();
    QCOMPARE(preview.size(), 10);
    QVERIFY2(preview.first().first.contains(QLatin1String("07:45")),
             qPrintable(preview.first().first));
    const QString description = child<QLabel>(&editor, "scheduleDescription")->text();
    QVERIFY2(description.contains(QLatin1String("America/New_York")), qPrintable(description));

    QSignalSpy saved(&editor, &JobEditor::saved);
    QVERIFY(saveButton(editor)->isEnabled());
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const JobRecord job = jobFromStore(*db, saved.first().first().toLongLong());
    QCOMPARE(job.spec.name, QStringLiteral("Nightly sync"));
    QCOMPARE(job.spec.cron, QStringLiteral("45 7 * * 1,3"));
    QCOMPARE(job.spec.timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(job.spec.target.http.method, QStringLiteral("POST"));
    const QList<QPair<QString, QString>> sentHeaders = {
        {QStringLiteral("Authorization"), QStringLiteral("Bearer ${env:CRM_TOKEN}")}};
    QCOMPARE(job.spec.target.http.headers, sentHeaders);
    QCOMPARE(job.spec.owner, QStringLiteral("Data team"));
    QCOMPARE(job.spec.runOn, (QStringList{QStringLiteral("gpu"), QStringLiteral("eu-west.1")}));
    QVERIFY(!editor.isVisible());

    // Typing a builder shape into the expression field shows it in the builder.
    JobEditor second(&client, JobEditor::Mode::Create, JobRecord());
    auto *cron = child<QLineEdit>(&second, "cronEdit");
    cron->selectAll();
    QTest::keyClicks(cron, QStringLiteral("0 18 LW * *"));
    QCOMPARE(child<QComboBox>(&second, "patternCombo")->currentText(),
             QStringLiteral("On the last weekday of every month"));
    cron->selectAll();
    QTest::keyClicks(cron, QStringLiteral("0 8-18/2 * * 1-5"));
    QCOMPARE(child<QComboBox>(&second, "patternCombo")->currentText(),
             QStringLiteral("Advanced: a cron expression"));
}

void TestJobEditor::validatesAsYouType_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("says");
    QTest::newRow("no name") << "nameEdit"
                             << ""
                             << "name"
                             << "nameError"
                             << "name";
    QTest::newRow("not a URL") << "urlEdit"
                               << "ftp://example.org"
                               << "target.url"
                               << "urlError"
                               << "https://";
    QTest::newRow("status") << "expectStatusEdit"
                            << "2xx"
                            << "target.expect_status"
                            << "expectStatusError"
                            << "200-299";
    QTest::newRow("regex") << "failRegexEdit"
                           << "(unclosed"
                           << "target.fail_if_body_matches"
                           << "failRegexError"
                           << "regular expression";
    QTest::newRow("cron") << "cronEdit"
                          << "61 * * * *"
                          << "cron"
                          << "cronError"
                          << "minute";
}

void TestJobEditor::validatesAsYouType()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QFETCH(QString, label);
    QFETCH(QString, says);
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    typeInto(editor, child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("x"));
    typeInto(editor, child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    settle(editor);
    QVERIFY2(editor.problems().isEmpty(),
             qPrintable(editor.problems().values().join(QLatin1Char(';'))));
    QVERIFY(saveButton(editor)->isEnabled());

    auto *edit = editor.findChild<QLineEdit *>(field);
    QVERIFY(edit);
    typeInto(editor, edit, value);
    settle(editor);
    QVERIFY2(editor.problems().contains(problem),
             qPrintable(editor.problems().keys().join(QLatin1Char(','))));
    auto *message = editor.findChild<QLabel *>(label);
    QVERIFY(message && !message->text().isEmpty()); // touched: its problem shows
    QVERIFY2(message->text().contains(says, Qt::CaseInsensitive), qPrintable(message->text()));
    QVERIFY(!saveButton(editor)->isEnabled());
    QVERIFY2(saveButton(editor)->toolTip().contains(editor.problems().value(problem)),
             qPrintable(saveButton(editor)->toolTip()));
    QCOMPARE(child<QLabel>(&editor, "saveReason")->text().contains(QLatin1String("href")), true);
}

void TestJobEditor::refusesLocalTimeInGap()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.show();
    child<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("deploy"));
    child<QLineEdit>(&editor, "urlEdit")->setText(QStringLiteral("https://example.org"));
    child<QRadioButton>(&editor, "onceRadio")->setChecked(true);
    child<ZonePicker>(&editor, "zonePicker")->setZoneId(QStringLiteral("Europe/Berlin"));
    // Clocks jump from 02:00 to 03:00 in Berlin on 28 March 2027.
    child<QDateTimeEdit>(&editor, "onceEdit")
        ->setDateTime(QDateTime(QDate(2027, 3, 28), QTime(2, 30), Qt::UTC));
    settle(editor);
    QVERIFY(editor.problems().contains(QStringLiteral("once")));
    const QString message = child<QLabel>(&editor, "onceMessage")->text();
    QVERIFY2(message.contains(QLatin1String("does not exist")), qPrintable(message));
    QVERIFY(!saveButton(editor)->isEnabled());
    QVERIFY(editor.preview().isEmpty());

    child<QDateTimeEdit>(&editor, "onceEdit")
        ->setDateTime(QDateTime(QDate(2027, 3, 28), QTime(3, 30), Qt::UTC));
    settle(editor);
    QVERIFY(editor.problems().isEmpty());
    QCOMPARE(editor.preview().size(), 1);
    QVERIFY(editor.preview().first().first.contains(QLatin1String("03:30")));
}

void TestJobEditor::asksWhichOfTwoLocalTimes()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.show();
    child<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("deploy"));
    child<QLineEdit>(&editor, "urlEdit")->setText(QStringLiteral("https://example.org"));
    child<QRadioButton>(&editor, "onceRadio")->setChecked(true);
    child<ZonePicker>(&editor, "zonePicker")->setZoneId(QStringLiteral("Europe/Berlin"));
    // Clocks go back from 03:00 to 02:00 in Berlin on 31 October 2027: 02:30 happens twice.
    child<QDateTimeEdit>(&editor, "onceEdit")
        ->setDateTime(QDateTime(QDate(2027, 10, 31), QTime(2, 30), Qt::UTC));
    settle(editor);
    QVERIFY(!child<QGroupBox>(&editor, "overlapBox")->isHidden());
    QVERIFY(editor.problems().contains(QStringLiteral("once")));
    QVERIFY(!saveButton(editor)->isEnabled());
    auto *second = child<QRadioButton>(&editor, "secondOccurrenceRadio");
    QVERIFY2(second->text().contains(QLatin1String("CET")), qPrintable(second->text()));
    second->setChecked(true);
    settle(editor);
    QVERIFY(editor.problems().isEmpty());

    QSignalSpy saved(&editor, &JobEditor::saved);
    saveButton(editor)->click();
    QVERIFY(saved.wait(5000));
    const JobRecord job = jobFromStore(*db, saved.first().first().toLongLong());
    QCOMPARE(job.spec.scheduleKind, ScheduleKind::Once);
    QCOMPARE(job.spec.onceAt, QDateTime(QDate(2027, 10, 31), QTime(1, 30), Qt::UTC));
    QCOMPARE(job.spec.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             QStringLiteral("2027-10-31 02:30"));

    // Editing it again shows the second occurrence chosen.
    JobEditor again(&client, JobEditor::Mode::Edit, job);
    QVERIFY(child<QRadioButton>(&again, "secondOccurrenceRadio")->isChecked());
    QVERIFY(again.problems().isEmpty());
}

void TestJobEditor::staleVersionOffersReload()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Edit, jobFromStore(*db, id));
    editor.show();
    child<QPlainTextEdit>(&editor, "descriptionEdit")->setPlainText(QStringLiteral("mine"));

    // Someone else saves meanwhile.
    Result<QString> other = db->createLoginRole(QStringLiteral("cronhelm_admin"));
    CH_VERIFY_OK(other);
    {
        StoreConnection theirs(db->conninfoAs(*other));
        CH_VERIFY_OK(JobStore(theirs).update(
            id, 1, QJsonObject{{QStringLiteral("description"), QStringLiteral("theirs")}}));
    }
    settle(editor);
    QSignalSpy saved(&editor, &JobEditor::saved);
    saveButton(editor)->click();
    MessageBar *bar = editor.messageBar();
    QTRY_VERIFY_WITH_TIMEOUT(!bar->text().isEmpty(), 5000);
    QCOMPARE(saved.count(), 0);
    QVERIFY2(bar->text().contains(QLatin1String("changed by ") + *other), qPrintable(bar->text()));
    QCOMPARE(bar->actionTexts(), QStringList{QStringLiteral("Reload")});
    QVERIFY(editor.isVisible());

    QVERIFY(bar->trigger(QStringLiteral("Reload")));
    QTRY_COMPARE_WITH_TIMEOUT(child<QPlainTextEdit>(&editor, "descriptionEdit")->toPlainText(),
                              QStringLiteral("theirs"), 5000);
    child<QPlainTextEdit>(&editor, "descriptionEdit")->setPlainText(QStringLiteral("mine, again"));
    settle(editor);
    saveButton(editor)->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(jobFromStore(*db, id).spec.description, QStringLiteral("mine, again"));
}

void TestJobEditor::lostConnectionKeepsInput()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Edit, jobFromStore(*db, id));
    editor.show();
    child<QLineEdit>(&editor, "ownerEdit")->setText(QStringLiteral("typed while offline"));
    settle(editor);

    QSignalSpy states(&client, &StoreClient::stateChanged);
    CH_VERIFY_OK(db->query(QStringLiteral(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cronhelm'"
        " AND datname = current_database() AND pid <> pg_backend_pid()")));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Reconnecting, 3000);
    QVERIFY(!saveButton(editor)->isEnabled());
    QVERIFY(saveButton(editor)->toolTip().contains(QLatin1String("kept")));
    QCOMPARE(child<QLineEdit>(&editor, "ownerEdit")->text(), QStringLiteral("typed while offline"));

    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Connected, 10000);
    settle(editor);
    QVERIFY(saveButton(editor)->isEnabled());
    QSignalSpy saved(&editor, &JobEditor::saved);
    saveButton(editor)->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(jobFromStore(*db, id).spec.owner, QStringLiteral("typed while offline"));
}

void TestJobEditor::showsJobReadOnly()
{
    CH_DATABASE(db);
    const qint64 id =
        createJob(*db, httpJobSpec(QStringLiteral("crm-sync"), QStringLiteral("0 9 * * 1-5")));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::View, jobFromStore(*db, id));
    editor.show();
    QVERIFY(!saveButton(editor));
    QVERIFY(child<QLineEdit>(&editor, "nameEdit")->isReadOnly());
    QVERIFY(!child<QComboBox>(&editor, "patternCombo")->isEnabled());
    QCOMPARE(child<QComboBox>(&editor, "patternCombo")->currentText(),
             QStringLiteral("Every weekday (Monday to Friday)"));
    QCOMPARE(child<TimeOfDayEdit>(&editor, "timeEdit")->time(), QTime(9, 0));
}

void TestJobEditor::typedTimeReplacesTheOldOne_data()
{
    QTest::addColumn<QTime>("before");
    QTest::addColumn<QString>("first"); // "ctrl+a", "home", "tab" (tabbing into the field)
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("delay"); // ms between keys: fast or slow
    QTest::addColumn<QString>("cron");
    // Each of these kept the old hour in the QTimeEdit (09:30, 07:15, 09:00 ...).
    QTest::newRow("ctrl+a, colon") << QTime(9, 0) << "ctrl+a"
                                   << "07:30" << 0 << "30 7 * * *";
    QTest::newRow("ctrl+a, no colon") << QTime(9, 0) << "ctrl+a"
                                      << "0730" << 0 << "30 7 * * *";
    QTest::newRow("ctrl+a, one-digit hour") << QTime(9, 0) << "ctrl+a"
                                            << "7:30" << 0 << "30 7 * * *";
    QTest::newRow("ctrl+a, later hour") << QTime(7, 30) << "ctrl+a"
                                        << "08:15" << 0 << "15 8 * * *";
    QTest::newRow("home, colon") << QTime(9, 0) << "home"
                                 << "07:30" << 0 << "30 7 * * *";
    QTest::newRow("home, no colon") << QTime(9, 0) << "home"
                                    << "0730" << 0 << "30 7 * * *";
    QTest::newRow("home, one-digit hour") << QTime(9, 0) << "home"
                                          << "7:30" << 0 << "30 7 * * *";
    QTest::newRow("home, later hour") << QTime(7, 30) << "home"
                                      << "08:15" << 0 << "15 8 * * *";
    QTest::newRow("tab in") << QTime(9, 0) << "tab"
                            << "07:30" << 0 << "30 7 * * *";
    QTest::newRow("ctrl+a, slow") << QTime(9, 0) << "ctrl+a"
                                  << "07:30" << 150 << "30 7 * * *";
    QTest::newRow("home, slow") << QTime(7, 30) << "home"
                                << "0815" << 150 << "15 8 * * *";
}

void TestJobEditor::typedTimeReplacesTheOldOne()
{
    QFETCH(QTime, before);
    QFETCH(QString, first);
    QFETCH(QString, typed);
    QFETCH(int, delay);
    QFETCH(QString, cron);
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobRecord job;
    job.spec.name = QStringLiteral("Daily report");
    job.spec.cron = QStringLiteral("%1 %2 * * *").arg(before.minute()).arg(before.hour());
    job.spec.timeZone = QStringLiteral("Europe/Berlin");
    job.spec.target.http.url = QStringLiteral("https://example.org/report");
    JobEditor editor(&client, JobEditor::Mode::Duplicate, job);
    showEditor(editor);
    auto *time = child<TimeOfDayEdit>(&editor, "timeEdit");
    showTabOf(editor, time);
    QCOMPARE(child<QComboBox>(&editor, "patternCombo")->currentText(), QStringLiteral("Every day"));
    QCOMPARE(time->time(), before);

    if (first == QLatin1String("tab")) {
        // Shift+Tab from the next field back into the time.
        auto *pattern = child<QComboBox>(&editor, "patternCombo");
        pattern->setFocus(Qt::TabFocusReason);
        QTest::keyClick(pattern, Qt::Key_Tab);
        QTRY_VERIFY(time->hasFocus());
        QTRY_VERIFY(time->hasSelectedText());
    } else {
        QTest::mouseClick(time, Qt::LeftButton, {}, QPoint(time->width() - 4, time->height() / 2));
        if (first == QLatin1String("ctrl+a"))
            QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
        else
            QTest::keyClick(time, Qt::Key_Home);
    }
    QTest::keyClicks(time, typed, Qt::NoModifier, delay);
    QTest::keyClick(time, Qt::Key_Tab);
    QCOMPARE(time->text(),
             QTime::fromString(cron.section(QLatin1Char(' '), 1, 1) + QLatin1Char(':')
                                   + cron.section(QLatin1Char(' '), 0, 0),
                               QStringLiteral("H:m"))
                 .toString(QStringLiteral("HH:mm")));
    QCOMPARE(child<QLineEdit>(&editor, "cronEdit")->text(), cron);
    settle(editor);
    QVERIFY(editor.problems().isEmpty());
    QVERIFY2(editor.preview().first().first.contains(time->text()),
             qPrintable(editor.preview().first().first));
}

void TestJobEditor::neverRunningScheduleCannotBeSaved()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    typeInto(editor, child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Leap report"));
    typeInto(editor, child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    auto *pattern = child<QComboBox>(&editor, "patternCombo");
    showTabOf(editor, pattern);
    // The user chooses "Advanced" in the builder and types the expression.
    pattern->setFocus();
    while (pattern->currentText() != QLatin1String("Advanced: a cron expression"))
        QTest::keyClick(pattern, Qt::Key_Down);
    typeInto(editor, child<QLineEdit>(&editor, "cronEdit"), QStringLiteral("0 7 30 2 *"));
    settle(editor);
    QVERIFY(editor.problems().contains(QStringLiteral("cron")));
    QVERIFY(!saveButton(editor)->isEnabled());
    const QString reason = child<QLabel>(&editor, "saveReason")->text();
    QVERIFY2(reason.contains(QLatin1String("never runs")), qPrintable(reason));
    QVERIFY(child<QLabel>(&editor, "saveReason")->isVisible());
    QVERIFY2(child<QLabel>(&editor, "cronError")->text().contains(QLatin1String("never runs")),
             qPrintable(child<QLabel>(&editor, "cronError")->text()));
    const QString description = child<QLabel>(&editor, "scheduleDescription")->text();
    QVERIFY2(description.contains(QLatin1String("It never runs.")), qPrintable(description));
    QVERIFY(editor.preview().isEmpty());

    // Clicking Save anyway (it is disabled) saves nothing.
    QSignalSpy saved(&editor, &JobEditor::saved);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(saved.count(), 0);

    typeInto(editor, child<QLineEdit>(&editor, "cronEdit"), QStringLiteral("0 7 28 2 *"));
    settle(editor);
    QVERIFY(editor.problems().isEmpty());
    QVERIFY(saveButton(editor)->isEnabled());
}

void TestJobEditor::acceptsRangesMixingNumberAndName()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    typeInto(editor, child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Imported"));
    typeInto(editor, child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    child<ZonePicker>(&editor, "zonePicker")->setZoneId(QStringLiteral("UTC"));
    auto *cron = child<QLineEdit>(&editor, "cronEdit");
    typeInto(editor, cron, QStringLiteral("0 9 * 1-JUL 1-WED"));
    settle(editor);
    QVERIFY2(editor.problems().isEmpty(),
             qPrintable(editor.problems().values().join(QLatin1Char(';'))));
    // Monday to Wednesday only.
    for (const auto &[there, here] : editor.preview()) {
        Q_UNUSED(here);
        QVERIFY2(there.startsWith(QLocale().dayName(1, QLocale::ShortFormat))
                     || there.startsWith(QLocale().dayName(2, QLocale::ShortFormat))
                     || there.startsWith(QLocale().dayName(3, QLocale::ShortFormat)),
                 qPrintable(there));
    }
    QSignalSpy saved(&editor, &JobEditor::saved);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QVERIFY(saved.wait(5000)); // the database's check agrees
    QCOMPARE(jobFromStore(*db, saved.first().first().toLongLong()).spec.cron,
             QStringLiteral("0 9 * 1-JUL 1-WED"));
}

void TestJobEditor::saysWhySaveIsDisabled()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    auto *tabs = child<QTabWidget>(&editor, "tabs");
    QCOMPARE(tabs->currentIndex(), 0);
    // A name but no URL: the URL's problem is on another tab.
    QTest::keyClicks(child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("Sales report"));
    settle(editor);
    QVERIFY(!saveButton(editor)->isEnabled());
    auto *reason = child<QLabel>(&editor, "saveReason");
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().contains(QLatin1String("What to Run")), qPrintable(reason->text()));
    QVERIFY2(reason->text().contains(QLatin1String("Enter the web address")),
             qPrintable(reason->text()));
    const int targetTab = tabs->indexOf(child<QWidget>(&editor, "targetTab"));
    QVERIFY(!tabs->tabIcon(targetTab).isNull());
    QVERIFY(!tabs->tabToolTip(targetTab).isEmpty());
    QVERIFY(tabs->tabIcon(0).isNull()); // the name is fine
    // Not touched yet: the URL field does not shout.
    QVERIFY(child<QLabel>(&editor, "urlError")->text().isEmpty());

    // Following the link next to Save opens the tab at the field.
    QVERIFY(reason->text().contains(QLatin1String("href=\"target.url\"")));
    QTest::mouseClick(reason, Qt::LeftButton, {}, QPoint(6, reason->height() / 2));
    QCOMPARE(tabs->currentIndex(), targetTab);
    QTRY_VERIFY(child<QLineEdit>(&editor, "urlEdit")->hasFocus());
    QVERIFY(!child<QLabel>(&editor, "urlError")->text().isEmpty());

    QTest::keyClicks(child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    settle(editor);
    QVERIFY(saveButton(editor)->isEnabled());
    QVERIFY(tabs->tabIcon(targetTab).isNull());
    QVERIFY(reason->text().isEmpty());
}

void TestJobEditor::problemAppearingMovesNothing()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    auto *name = child<QLineEdit>(&editor, "nameEdit");
    auto *owner = child<QLineEdit>(&editor, "ownerEdit");
    auto *active = child<QCheckBox>(&editor, "enabledCheck");
    const QPoint ownerAt = owner->mapTo(&editor, owner->rect().center());
    const QPoint activeAt = active->mapTo(&editor, QPoint(0, 0));
    const bool wasActive = active->isChecked();

    // Type a name, delete it, leave the field: "enter a name" appears under it.
    QTest::mouseClick(name, Qt::LeftButton);
    QTest::keyClicks(name, QStringLiteral("x"));
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClick(name, Qt::Key_Tab);
    settle(editor);
    QVERIFY(!child<QLabel>(&editor, "nameError")->text().isEmpty());
    QCOMPARE(active->mapTo(&editor, QPoint(0, 0)), activeAt);
    // The click meant for Owner lands on Owner, not on "Active".
    QWidget *under = editor.childAt(ownerAt); // what the window system would deliver to
    QVERIFY(under);
    QTest::mouseClick(under, Qt::LeftButton, {}, under->mapFrom(&editor, ownerAt));
    QTRY_VERIFY(owner->hasFocus());
    QCOMPARE(active->isChecked(), wasActive);
}

void TestJobEditor::explainsScheduleMistakesInWords()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    auto *cron = child<QLineEdit>(&editor, "cronEdit");
    auto *error = child<QLabel>(&editor, "cronError");
    auto *useBuilder = child<QPushButton>(&editor, "useBuilderButton");

    typeInto(editor, cron, QStringLiteral("61 * * * *"));
    settle(editor);
    QCOMPARE(error->text(), QStringLiteral("The minute must be 0–59, not 61."));
    QVERIFY(!useBuilder->isVisible());

    typeInto(editor, cron, QStringLiteral("every day at 7"));
    settle(editor);
    QVERIFY2(!error->text().contains(QLatin1String("fields")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("30 7 * * *")), qPrintable(error->text()));
    QVERIFY(useBuilder->isVisible());
    QTest::mouseClick(useBuilder, Qt::LeftButton);
    settle(editor);
    QCOMPARE(child<QComboBox>(&editor, "patternCombo")->currentText(), QStringLiteral("Every day"));
    QCOMPARE(cron->text(), QStringLiteral("0 7 * * *"));
    QCOMPARE(child<TimeOfDayEdit>(&editor, "timeEdit")->text(), QStringLiteral("07:00"));
    QVERIFY(!editor.problems().contains(QStringLiteral("cron")));
    QVERIFY(!useBuilder->isVisible());
}

void TestJobEditor::showsLogLimitInMegabytes()
{
    CH_DATABASE(db);
    QJsonObject spec = httpJobSpec(QStringLiteral("crm-sync"));
    spec.insert(QStringLiteral("log_limit_bytes"), 10 * 1024 * 1024);
    const qint64 id = createJob(*db, spec);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Edit, jobFromStore(*db, id));
    showEditor(editor);
    auto *value = child<QSpinBox>(&editor, "sizeValue");
    auto *unit = child<QComboBox>(&editor, "sizeUnit");
    QCOMPARE(value->text(), QStringLiteral("10"));
    QCOMPARE(unit->currentText(), QStringLiteral("MB"));

    showTabOf(editor, value);
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClick(value, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(value, QStringLiteral("25"));
    settle(editor);
    QSignalSpy saved(&editor, &JobEditor::saved);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    QCOMPARE(jobFromStore(*db, id).spec.logLimitBytes, qint64(25) * 1024 * 1024);
}

void TestJobEditor::namesUtcAsTheListDoes()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobRecord job;
    job.spec.name = QStringLiteral("Server job");
    job.spec.cron = QStringLiteral("0 9 * * *");
    job.spec.timeZone = QStringLiteral("Etc/UTC");
    JobEditor editor(&client, JobEditor::Mode::Duplicate, job);
    showEditor(editor);
    settle(editor);
    const QString description = child<QLabel>(&editor, "scheduleDescription")->text();
    QVERIFY2(description.endsWith(QLatin1String("(UTC)")), qPrintable(description));
    QTest::mouseClick(child<QRadioButton>(&editor, "onceRadio"), Qt::LeftButton);
    settle(editor);
    const QString once = child<QLabel>(&editor, "scheduleDescription")->text();
    QVERIFY2(once.contains(QLatin1String("(UTC)")) && !once.contains(QLatin1String("Etc/")),
             qPrintable(once));
}

void TestJobEditor::checksNameAgainstOtherJobsWhileTyping()
{
    CH_DATABASE(db);
    const qint64 existing = createJob(*db, httpJobSpec(QStringLiteral("Sales report")));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.setOtherJobs({{existing, QStringLiteral("Sales report")}});
    showEditor(editor);
    typeInto(editor, child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    auto *name = child<QLineEdit>(&editor, "nameEdit");
    auto *error = child<QLabel>(&editor, "nameError");
    showTabOf(editor, name);
    QTest::mouseClick(name, Qt::LeftButton);

    // Same but for letter case: the store would refuse it; said while typing, before Save.
    QTest::keyClicks(name, QStringLiteral("sales report"));
    settle(editor);
    QVERIFY(name->hasFocus());
    QVERIFY(!error->text().isEmpty());
    QVERIFY2(error->text().contains(QStringLiteral("“Sales report”")), qPrintable(error->text()));
    QVERIFY(!saveButton(editor)->isEnabled());

    // Same but for spaces: allowed, with a warning naming the other job.
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("Sales  report"));
    settle(editor);
    QVERIFY(!error->text().isEmpty());
    QVERIFY2(error->text().contains(QStringLiteral("“Sales report”")), qPrintable(error->text()));
    QVERIFY(saveButton(editor)->isEnabled());

    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("Sales report (EU)"));
    settle(editor);
    QVERIFY(error->text().isEmpty());
    QVERIFY(saveButton(editor)->isEnabled());

    // Editing the job itself: its own name is no clash.
    JobEditor same(&client, JobEditor::Mode::Edit, jobFromStore(*db, existing));
    same.setOtherJobs({{existing, QStringLiteral("Sales report")}});
    settle(same);
    QVERIFY(same.problems().isEmpty());
}

// The editor checks names against the jobs it knows; one created by someone else after that
// check is refused by the store (CHCON, field "name"), and the refusal lands on the name
// field. Under ui.german.jobeditor the server speaks German: routed by field, not words.
void TestJobEditor::nameTakenMeanwhileIsRefusedByTheServer()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.setOtherJobs({});
    showEditor(editor);
    typeInto(editor, child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org"));
    auto *name = child<QLineEdit>(&editor, "nameEdit");
    typeInto(editor, name, QStringLiteral("Nightly sync"));
    settle(editor);
    QVERIFY2(editor.problems().isEmpty(),
             qPrintable(editor.problems().values().join(QLatin1Char(';'))));
    QVERIFY(saveButton(editor)->isEnabled());

    // Meanwhile, in another session (the store's names ignore letter case).
    QVERIFY(createJob(*db, httpJobSpec(QStringLiteral("nightly SYNC"))));
    QSignalSpy saved(&editor, &JobEditor::saved);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor.problems().contains(QStringLiteral("name")), 5000);
    QVERIFY2(!child<QLabel>(&editor, "nameError")->text().isEmpty(),
             qPrintable(editor.messageBar()->text()));
    QCOMPARE(saved.count(), 0);
    QVERIFY(editor.isVisible());
}

void TestJobEditor::explainsTheSchedule()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    showEditor(editor);
    auto *help = child<QLabel>(&editor, "cronHelp");
    auto *button = child<QToolButton>(&editor, "cronHelpButton");
    showTabOf(editor, button);
    QVERIFY(help->isHidden());
    typeInto(editor, child<QLineEdit>(&editor, "cronEdit"), QStringLiteral("*/15 8-18 * * 1-5"));
    settle(editor);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(help->isVisible());
    const QString text = help->text();
    for (const char *part : {"*/15", "8-18", "1-5", "minute", "hour", "day of the week", "0–59"})
        QVERIFY2(text.contains(QString::fromUtf8(part)), part);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(help->isHidden());
}

// A credential typed into a header is pointed out, with the way to keep it on the nodes;
// saving stays possible. A reference to the node's environment is not pointed out.
void TestJobEditor::warnsAboutLiteralCredentials()
{
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfo()));
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::keyClicks(child<QLineEdit>(&editor, "nameEdit"), QStringLiteral("crm"));
    QTest::keyClicks(child<QLineEdit>(&editor, "urlEdit"), QStringLiteral("https://example.org/"));
    QTest::mouseClick(child<QPushButton>(&editor, "addHeaderButton"), Qt::LeftButton);
    auto *headers = child<QTableWidget>(&editor, "headersTable");
    headers->item(0, 0)->setText(QStringLiteral("X-Api-Key"));
    headers->item(0, 1)->setText(QStringLiteral("k-0123456789"));
    settle(editor);
    auto *note = child<QLabel>(&editor, "headersError");
    QTRY_VERIFY(!note->text().isEmpty());
    QVERIFY2(note->text().contains(QLatin1String("X-Api-Key"))
                 && note->text().contains(QLatin1String("${env:")),
             qPrintable(note->text()));
    QVERIFY2(editor.problems().isEmpty(),
             qPrintable(editor.problems().values().join(QLatin1Char(';'))));
    QVERIFY(saveButton(editor)->isEnabled());

    headers->item(0, 1)->setText(QStringLiteral("${env:CRONHELM_SECRET_CRM_KEY}"));
    QTRY_VERIFY(note->text().isEmpty());

    // A reference the nodes refuse (no CRONHELM_SECRET_ prefix): saved, but every run would
    // fail. Pointed out under the field it is in, with the name to write.
    headers->item(0, 1)->setText(QStringLiteral("${env:CRM_KEY}"));
    QTRY_VERIFY2(note->text().contains(QLatin1String("${env:CRONHELM_SECRET_CRM_KEY}")),
                 qPrintable(note->text()));
    auto *body = child<QPlainTextEdit>(&editor, "bodyEdit");
    body->setFocus();
    QTest::keyClicks(body, QStringLiteral("{\"password\": \"${env:DB_PASSWORD}\"}"));
    settle(editor);
    auto *bodyNote = child<QLabel>(&editor, "bodyError");
    QTRY_VERIFY2(bodyNote->text().contains(QLatin1String("${env:CRONHELM_SECRET_DB_PASSWORD}")),
                 qPrintable(bodyNote->text()));
    QVERIFY(saveButton(editor)->isEnabled());
    body->clear();
    QTest::keyClicks(body, QStringLiteral("{\"password\": \"${env:CRONHELM_SECRET_DB}\"}"));
    settle(editor);
    QTRY_VERIFY(bodyNote->text().isEmpty());
}

void TestJobEditor::offersShellOnlyToShellAdmins_data()
{
    QTest::addColumn<QString>("memberOf");
    QTest::addColumn<bool>("offered");
    QTest::newRow("admin") << QStringLiteral("cronhelm_admin") << false;
    QTest::newRow("shell admin") << QStringLiteral("cronhelm_shell_admin") << true;
}

// The shell target is offered to cronhelm_shell_admin only; an admin who picks it anyway
// (the item is disabled, the page too) is refused by the database.
void TestJobEditor::offersShellOnlyToShellAdmins()
{
    QFETCH(QString, memberOf);
    QFETCH(bool, offered);
    CH_DATABASE(db);
    StoreClient client;
    QVERIFY(connectClientAs(client, *db, memberOf));
    QCOMPARE(client.mayWriteShell(), offered);
    JobEditor editor(&client, JobEditor::Mode::Create, JobRecord());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *kind = child<QComboBox>(&editor, "targetTypeCombo");
    auto *items = qobject_cast<QStandardItemModel *>(kind->model());
    QVERIFY(items);
    QCOMPARE(items->item(1)->isEnabled(), offered);
    if (!offered) {
        QVERIFY2(items->item(1)->toolTip().contains(QLatin1String("cronhelm_shell_admin")),
                 qPrintable(items->item(1)->toolTip()));
    }
    // Choosing by keyboard skips a disabled item.
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentIndex(), offered ? 1 : 0);
}

// An admin gives a job its own retention on the Behaviour tab: what is checked is saved as
// the job's keep_days / keep_runs; what is unchecked follows the store-wide policy again.
void TestJobEditor::savesTheJobsOwnRetention()
{
    CH_DATABASE(db);
    QJsonObject spec = httpJobSpec(QStringLiteral("crm-sync"));
    spec.insert(QStringLiteral("keep_runs"), 5);
    const qint64 id = createJob(*db, spec);
    StoreClient client;
    QVERIFY(connectClientAs(client, *db, QStringLiteral("cronhelm_admin")));
    JobEditor editor(&client, JobEditor::Mode::Edit, jobFromStore(*db, id));
    showEditor(editor);
    auto *daysCheck = child<QCheckBox>(&editor, "keepDaysCheck");
    auto *days = child<QSpinBox>(&editor, "keepDaysSpin");
    auto *runsCheck = child<QCheckBox>(&editor, "keepRunsCheck");
    auto *runs = child<QSpinBox>(&editor, "keepRunsSpin");
    QVERIFY(!daysCheck->isChecked());
    QVERIFY(!days->isEnabled());
    QVERIFY(runsCheck->isChecked());
    QVERIFY(runs->isEnabled());
    QCOMPARE(runs->value(), 5);

    showTabOf(editor, daysCheck);
    QTest::mouseClick(daysCheck, Qt::LeftButton);
    QVERIFY(days->isEnabled());
    QTest::mouseClick(days, Qt::LeftButton);
    QTest::keyClick(days, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(days, QStringLiteral("30"));
    QTest::mouseClick(runsCheck, Qt::LeftButton);
    QVERIFY(!runs->isEnabled());
    settle(editor);
    QSignalSpy saved(&editor, &JobEditor::saved);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const Result<QList<QStringList>> stored = db->query(
        QStringLiteral("SELECT keep_days, keep_runs IS NULL FROM cronhelm.jobs WHERE id = %1")
            .arg(id));
    CH_VERIFY_OK(stored);
    QCOMPARE(stored->value(0), (QStringList{QStringLiteral("30"), QStringLiteral("t")}));
}

// Who may not change retention sees the job's own values greyed out, and why.
void TestJobEditor::retentionIsReadOnlyForOthers()
{
    CH_DATABASE(db);
    QJsonObject spec = httpJobSpec(QStringLiteral("crm-sync"));
    spec.insert(QStringLiteral("keep_days"), 30);
    const qint64 id = createJob(*db, spec);
    StoreClient client;
    QVERIFY(connectClientAs(client, *db, QStringLiteral("cronhelm_viewer")));
    JobEditor editor(&client, JobEditor::Mode::View, jobFromStore(*db, id));
    showEditor(editor);
    auto *daysCheck = child<QCheckBox>(&editor, "keepDaysCheck");
    auto *days = child<QSpinBox>(&editor, "keepDaysSpin");
    QVERIFY(daysCheck->isChecked());
    QCOMPARE(days->value(), 30);
    QVERIFY(!child<QCheckBox>(&editor, "keepRunsCheck")->isChecked());
    for (QWidget *w : std::initializer_list<QWidget *>{daysCheck, days,
                                                       child<QCheckBox>(&editor, "keepRunsCheck"),
                                                       child<QSpinBox>(&editor, "keepRunsSpin")}) {
        QVERIFY(!w->isEnabled());
        QVERIFY2(w->toolTip().contains(QLatin1String("cronhelm_admin")), qPrintable(w->toolTip()));
    }
}

QTEST_MAIN(TestJobEditor)
#include "tst_jobeditor.moc"
