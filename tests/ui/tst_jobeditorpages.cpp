// Each page of the job editor on its own, without a database: what it loads it writes back,
// what the user types (key presses and clicks on its real widgets) ends up in the spec, and
// a problem shows under its field only once the field was touched.

#include <domain/joblimits.h>
#include <jobbehaviourpage.h>
#include <jobgeneralpage.h>
#include <jobnotifypage.h>
#include <jobschedulepage.h>
#include <jobtargetpage.h>
#include <sizeedit.h>
#include <timeofdayedit.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace Cronhelm;

class TestJobEditorPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void generalRoundTripAndTouch();
    void generalNameClash();
    void targetKinds();
    void scheduleBuilderAndCron();
    void pastOneOffIsNoNextRun();
    void timeOfDayParse_data();
    void timeOfDayParse();
    void behaviourSizes();
    void behaviourLimitsAndPolicies();
    void notifyTargets();
    void notifyColumnsKeepTheirTitles();
};

namespace {

template<typename T>
T *w(QWidget &page, const char *name)
{
    T *found = page.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

JobSpec sampleSpec()
{
    JobSpec spec;
    spec.name = QStringLiteral("Nightly sync");
    spec.description = QStringLiteral("Syncs the CRM");
    spec.owner = QStringLiteral("Data team");
    spec.cron = QStringLiteral("45 7 * * 1,3");
    spec.timeZone = QStringLiteral("Europe/Berlin");
    spec.target.http.url = QStringLiteral("https://example.org/sync");
    spec.target.http.method = QStringLiteral("POST");
    spec.target.http.headers = {{QStringLiteral("X-Team"), QStringLiteral("ops")}};
    spec.logLimitBytes = 3 * 1024 * 1024;
    NotificationTarget slack;
    slack.url = QStringLiteral("https://hooks.slack.example/T1");
    spec.notify = {slack};
    return spec;
}

template<typename Page>
JobSpec roundTrip(Page &page, const JobSpec &spec)
{
    page.load(spec);
    JobSpec out = spec;
    page.apply(out);
    return out;
}

void showActive(QWidget &w)
{
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

void TestJobEditorPages::generalRoundTripAndTouch()
{
    JobGeneralPage page;
    QCOMPARE(roundTrip(page, sampleSpec()), sampleSpec());
    showActive(page);
    QSignalSpy changed(&page, &JobEditorPage::changed);
    QLineEdit *name = w<QLineEdit>(page, "nameEdit");
    QTest::mouseClick(name, Qt::LeftButton);
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("  Weekly sync "));
    QVERIFY(changed.count() > 0);
    JobSpec spec = sampleSpec();
    page.apply(spec);
    QCOMPARE(spec.name, QStringLiteral("Weekly sync"));

    // Not shown before the field is left; shown after.
    page.setProblem(QStringLiteral("name"), QStringLiteral("Enter a name."));
    QVERIFY(w<QLabel>(page, "nameError")->text().isEmpty());
    QTest::keyClick(name, Qt::Key_Tab);
    QCOMPARE(w<QLabel>(page, "nameError")->text(), QStringLiteral("Enter a name."));
    page.setProblem(QStringLiteral("name"), {});
    QVERIFY(w<QLabel>(page, "nameError")->text().isEmpty());

    page.setReadOnly();
    QVERIFY(name->isReadOnly());
    QVERIFY(!w<QCheckBox>(page, "enabledCheck")->isEnabled());
}

void TestJobEditorPages::generalNameClash()
{
    JobGeneralPage page;
    page.load(sampleSpec());
    page.setOtherJobs({{1, QStringLiteral("Sales report")}, {2, QStringLiteral("Nightly sync")}},
                      2);
    QVERIFY(page.clashingName().isEmpty()); // its own name
    QLineEdit *name = w<QLineEdit>(page, "nameEdit");
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("SALES REPORT"));
    QVERIFY(page.nameIsRefused());
    QCOMPARE(page.clashingName(), QStringLiteral("Sales report"));
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("Sales-report"));
    QVERIFY(!page.nameIsRefused());
    QCOMPARE(page.clashingName(), QStringLiteral("Sales report"));
    QVERIFY(w<QLabel>(page, "nameError")->text().contains(QStringLiteral("“Sales report”")));
}

void TestJobEditorPages::targetKinds()
{
    JobTargetPage page;
    QCOMPARE(roundTrip(page, sampleSpec()), sampleSpec());
    QVERIFY(page.fields().contains(QStringLiteral("target.url")));
    QVERIFY(page.isOtherKindField(QStringLiteral("target.command")));
    showActive(page);
    // The user picks "Shell command" with the keyboard and types a command.
    QComboBox *kind = w<QComboBox>(page, "targetTypeCombo");
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QVERIFY(page.isShell());
    QVERIFY(page.fields().contains(QStringLiteral("target.command")));
    QVERIFY(page.isOtherKindField(QStringLiteral("target.url")));
    QTest::keyClicks(w<QLineEdit>(page, "commandEdit"), QStringLiteral("echo hi"));
    JobSpec spec = sampleSpec();
    page.apply(spec);
    QCOMPARE(spec.target.kind, TargetKind::Shell);
    QCOMPARE(spec.target.shell.command, QStringLiteral("echo hi"));
}

void TestJobEditorPages::scheduleBuilderAndCron()
{
    JobSchedulePage page;
    QCOMPARE(roundTrip(page, sampleSpec()), sampleSpec());
    QCOMPARE(w<QComboBox>(page, "patternCombo")->currentText(),
             QStringLiteral("Every week, on chosen days"));
    showActive(page);
    // Clearing both days is a problem only the form knows.
    QTest::mouseClick(page.findChild<QCheckBox *>(QStringLiteral("day1")), Qt::LeftButton);
    QTest::mouseClick(page.findChild<QCheckBox *>(QStringLiteral("day3")), Qt::LeftButton);
    QCOMPARE(page.formProblems().value(QStringLiteral("cron")),
             QStringLiteral("Choose at least one day."));
    QTest::mouseClick(page.findChild<QCheckBox *>(QStringLiteral("day5")), Qt::LeftButton);
    QVERIFY(page.formProblems().isEmpty());
    QCOMPARE(w<QLineEdit>(page, "cronEdit")->text(), QStringLiteral("45 7 * * 5"));
    // A half-typed time is a problem too, not a silently kept old one.
    TimeOfDayEdit *time = w<TimeOfDayEdit>(page, "timeEdit");
    QTest::mouseClick(time, Qt::LeftButton);
    QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(time, QStringLiteral("25:"));
    QVERIFY(page.formProblems().contains(QStringLiteral("cron")));
    QTest::keyClick(time, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(time, QStringLiteral("18:05"));
    QVERIFY(page.formProblems().isEmpty());
    QCOMPARE(w<QLineEdit>(page, "cronEdit")->text(), QStringLiteral("5 18 * * 5"));
    page.updatePreview(false);
    QCOMPARE(page.preview().size(), 10);
    QVERIFY(page.preview().first().first.contains(QStringLiteral("18:05")));
}

// A one-off that ran (or was set in the past) lists no next run; the description says why.
void TestJobEditorPages::pastOneOffIsNoNextRun()
{
    JobSchedulePage page;
    JobSpec spec = sampleSpec();
    spec.scheduleKind = ScheduleKind::Once;
    spec.timeZone = QStringLiteral("UTC");
    spec.onceAt = QDateTime::currentDateTimeUtc().addDays(-2);
    spec.onceLocal = spec.onceAt;
    page.load(spec);
    showActive(page);
    page.updatePreview(false);
    QVERIFY(page.preview().isEmpty());
    const QString said = w<QLabel>(page, "scheduleDescription")->text();
    QVERIFY2(said.contains(QLatin1String("has passed")), qPrintable(said));

    spec.onceAt = QDateTime::currentDateTimeUtc().addDays(2);
    spec.onceLocal = spec.onceAt;
    page.load(spec);
    page.updatePreview(false);
    QCOMPARE(page.preview().size(), 1);
}

void TestJobEditorPages::timeOfDayParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QTime>("time");
    QTest::newRow("HH:mm") << "07:30" << QTime(7, 30);
    QTest::newRow("H:mm") << "7:30" << QTime(7, 30);
    QTest::newRow("HHmm") << "0730" << QTime(7, 30);
    QTest::newRow("Hmm") << "730" << QTime(7, 30);
    QTest::newRow("H") << "7" << QTime(7, 0);
    QTest::newRow("HH") << "23" << QTime(23, 0);
    QTest::newRow("dot") << "7.30" << QTime(7, 30);
    QTest::newRow("hour 24") << "24:00" << QTime();
    QTest::newRow("minute 60") << "7:60" << QTime();
    QTest::newRow("half") << "7:3" << QTime();
    QTest::newRow("empty") << "" << QTime();
}

void TestJobEditorPages::timeOfDayParse()
{
    QFETCH(QString, text);
    QFETCH(QTime, time);
    QCOMPARE(TimeOfDayEdit::parse(text), time);
}

void TestJobEditorPages::behaviourSizes()
{
    JobBehaviourPage page;
    QCOMPARE(roundTrip(page, sampleSpec()), sampleSpec());
    QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("sizeUnit"))->currentText(),
             QStringLiteral("MB"));
    // A limit that is not whole kilobytes (set by cronhelmctl) is kept as it is.
    JobSpec odd = sampleSpec();
    odd.logLimitBytes = 5000;
    QCOMPARE(roundTrip(page, odd).logLimitBytes, qint64(5000));
    showActive(page);
    auto *value = page.findChild<QSpinBox *>(QStringLiteral("sizeValue"));
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClick(value, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(value, QStringLiteral("64"));
    JobSpec spec = odd;
    page.apply(spec);
    QCOMPARE(spec.logLimitBytes, qint64(64) * 1024);
}

// The page's ranges are the job's rules (JobLimits) and each policy's every value survives a
// load and apply.
void TestJobEditorPages::behaviourLimitsAndPolicies()
{
    JobBehaviourPage page;
    showActive(page);
    const auto typeInto = [](QSpinBox *spin, const QString &text) {
        QTest::mouseClick(spin, Qt::LeftButton);
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, text);
    };
    page.load(sampleSpec());
    typeInto(w<QSpinBox>(page, "retriesSpin"), QStringLiteral("9999999"));
    QCOMPARE(w<QSpinBox>(page, "retriesSpin")->maximum(), JobLimits::maxRetries);
    // The retries field is as wide as its number, like the fields around it, not stretched
    // across the form.
    QCOMPARE(w<QSpinBox>(page, "retriesSpin")->width(),
             w<QSpinBox>(page, "retriesSpin")->sizeHint().width());
    QCOMPARE(w<QSpinBox>(page, "misfireBoundSpin")->minimum(), JobLimits::minMisfireBound);
    QCOMPARE(w<QSpinBox>(page, "misfireBoundSpin")->maximum(), JobLimits::maxMisfireBound);
    QCOMPARE(w<QSpinBox>(page, "keepDaysSpin")->minimum(), JobLimits::minKeepDays);
    QCOMPARE(w<QSpinBox>(page, "keepDaysSpin")->maximum(), JobLimits::maxKeepDays);
    QCOMPARE(w<QSpinBox>(page, "keepRunsSpin")->maximum(), JobLimits::maxKeepRuns);
    JobSpec typed = sampleSpec();
    page.apply(typed);
    QVERIFY(JobRules::check(typed).isEmpty());

    for (const RetryBackoff backoff : allValues<RetryBackoff>()) {
        for (const ConcurrencyPolicy concurrency : allValues<ConcurrencyPolicy>()) {
            for (const MisfirePolicy misfire : allValues<MisfirePolicy>()) {
                JobSpec spec = sampleSpec();
                spec.retryBackoff = backoff;
                spec.concurrency = concurrency;
                spec.misfire = misfire;
                QCOMPARE(roundTrip(page, spec), spec);
                QCOMPARE(w<QSpinBox>(page, "misfireBoundSpin")->isVisible(),
                         misfire == MisfirePolicy::RunAll);
            }
        }
    }
    // The job's own retention: either number, both or neither.
    for (const auto &[keepDays, keepRuns] :
         std::initializer_list<std::pair<std::optional<int>, std::optional<int>>>{
             {std::nullopt, std::nullopt}, {30, std::nullopt}, {std::nullopt, 0}, {1, 7}}) {
        JobSpec spec = sampleSpec();
        spec.keepDays = keepDays;
        spec.keepRuns = keepRuns;
        QCOMPARE(roundTrip(page, spec), spec);
    }
}

void TestJobEditorPages::notifyTargets()
{
    JobNotifyPage page;
    QCOMPARE(roundTrip(page, sampleSpec()), sampleSpec());
    showActive(page);
    QTest::mouseClick(w<QPushButton>(page, "addNotifyButton"), Qt::LeftButton);
    QTableWidget *table = w<QTableWidget>(page, "notifyTable");
    QCOMPARE(table->rowCount(), 2);
    const QPoint cell = table->visualItemRect(table->item(1, 1)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget())
                && QApplication::focusWidget()->parentWidget() == table->viewport());
    QWidget *editor = QApplication::focusWidget();
    QTest::keyClicks(editor, QStringLiteral("https://hooks.example.org/x"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on Return through a queued call.
    QTRY_COMPARE(table->item(1, 1)->text(), QStringLiteral("https://hooks.example.org/x"));
    JobSpec spec = sampleSpec();
    page.apply(spec);
    QCOMPARE(spec.notify.size(), 2);
    QCOMPARE(spec.notify.at(1).url, QStringLiteral("https://hooks.example.org/x"));
    QVERIFY(spec.notify.at(1).onFailure);
}

// In the editor's usual width no column title of the notification table is cut
// ("Recovery" was, behind a fixed-width address column).
void TestJobEditorPages::notifyColumnsKeepTheirTitles()
{
    JobNotifyPage page;
    page.resize(620, 400);
    showActive(page);
    QTest::mouseClick(w<QPushButton>(page, "addNotifyButton"), Qt::LeftButton);
    auto *table = w<QTableWidget>(page, "notifyTable");
    QHeaderView *header = table->horizontalHeader();
    int right = 0;
    for (int c = 0; c < table->columnCount(); ++c) {
        const QString title = table->horizontalHeaderItem(c)->text();
        QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(title),
                 qPrintable(title));
        right = std::max(right, header->sectionViewportPosition(c) + header->sectionSize(c));
    }
    QVERIFY2(right <= table->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(right).arg(table->viewport()->width())));
}

QTEST_MAIN(TestJobEditorPages)
#include "tst_jobeditorpages.moc"
