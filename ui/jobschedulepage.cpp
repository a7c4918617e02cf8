#include "jobschedulepage.h"

#include "formrows.h"

#include "ui_jobschedulepage.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <cron/localtime.h>
#include <displayformat.h>
#include <schedulepattern.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>

namespace Cronhelm {

namespace {

constexpr int kPreviewCount = 10;

QCheckBox *weekdayBox(QWidget *box, int cronDay)
{
    return box->findChild<QCheckBox *>(QStringLiteral("day%1").arg(cronDay));
}

// A stacked widget as tall as its current page, not its tallest one.
void fitStackToCurrentPage(QStackedWidget *stack)
{
    for (int i = 0; i < stack->count(); ++i) {
        const QSizePolicy::Policy policy =
            i == stack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        stack->widget(i)->setSizePolicy(policy, policy);
    }
    stack->adjustSize();
}

void setMessageStyle(QLabel *label, bool error)
{
    QPalette p = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    label->setPalette(p);
}

} // namespace

JobSchedulePage::JobSchedulePage(QWidget *parent)
    : JobEditorPage(parent)
    , m_ui(std::make_unique<Ui::JobSchedulePage>())
    , m_useBuilder(new QPushButton(tr("Use the schedule builder"), this))
{
    setObjectName(QStringLiteral("scheduleTab"));
    Ui::JobSchedulePage &ui = *m_ui;
    ui.setupUi(this);

    using Kind = SchedulePattern::Kind;
    const std::pair<Kind, QString> patterns[] = {
        {Kind::EveryMinutes, tr("Every few minutes")},
        {Kind::Hourly, tr("Every hour")},
        {Kind::Daily, tr("Every day")},
        {Kind::Weekdays, tr("Every weekday (Monday to Friday)")},
        {Kind::Weekly, tr("Every week, on chosen days")},
        {Kind::Monthly, tr("Every month, on one day")},
        {Kind::LastWeekday, tr("On the last weekday of every month")},
        {Kind::Advanced, tr("Advanced: a cron expression")},
    };
    for (const auto &[kind, text] : patterns)
        ui.patternCombo->addItem(text, int(kind));
    for (int n : SchedulePattern::minuteIntervals())
        ui.intervalCombo->addItem(tr("%n minute(s)", nullptr, n), n);

    auto *days = new QHBoxLayout(ui.weekdaysBox);
    days->setContentsMargins(0, 0, 0, 0);
    const QLocale locale;
    int qtDay = int(locale.firstDayOfWeek());
    for (int i = 0; i < 7; ++i) {
        const int cronDay = qtDay % 7; // Qt: Monday = 1 ... Sunday = 7; cron: Sunday = 0
        auto *box = new QCheckBox(locale.dayName(qtDay, QLocale::ShortFormat), ui.weekdaysBox);
        box->setObjectName(QStringLiteral("day%1").arg(cronDay));
        days->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &JobSchedulePage::builderChanged);
        qtDay = qtDay % 7 + 1;
    }
    days->addStretch();

    ui.previewTable->setRowCount(0);
    ui.previewTable->verticalHeader()->hide();
    ui.previewTable->verticalHeader()->setDefaultSectionSize(ui.previewTable->fontMetrics().height()
                                                             + 6);
    ui.previewTable->horizontalHeader()->resizeSection(0, 330);
    QFont bold = ui.scheduleDescription->font();
    bold.setBold(true);
    ui.scheduleDescription->setFont(bold);
    ui.scheduleStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    ui.scheduleLayout->setStretchFactor(ui.previewTable, 1);
    connect(ui.scheduleStack, &QStackedWidget::currentChanged, ui.scheduleStack,
            [stack = ui.scheduleStack] { fitStackToCurrentPage(stack); });
    fitStackToCurrentPage(ui.scheduleStack);

    prepareErrorLabel(ui.cronError);
    prepareErrorLabel(ui.zoneError);
    watchTouch(ui.cronEdit, QStringLiteral("cron"));
    watchTouch(ui.timeEdit, QStringLiteral("cron"));
    watchTouch(ui.zonePicker, QStringLiteral("time_zone"));
    // Offered when the expression looks like words ("every day at 7"): the builder writes
    // the expression for them.
    m_useBuilder->setObjectName(QStringLiteral("useBuilderButton"));
    int errorRow = 0;
    QFormLayout::ItemRole role;
    ui.recurringForm->getWidgetPosition(ui.cronError, &errorRow, &role);
    m_useBuilder->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    ui.recurringForm->insertRow(errorRow + 1, QString(), m_useBuilder);
    m_recurringRows = std::make_unique<FormRows>(ui.recurringForm);
    m_onceRows = std::make_unique<FormRows>(ui.onceForm);
    m_recurringRows->setRowVisible(m_useBuilder, false);
    connect(m_useBuilder, &QPushButton::clicked, this, &JobSchedulePage::useBuilder);
    m_recurringRows->setRowVisible(ui.cronHelp, false);
    ui.cronHelpButton->setToolTip(tr("Show what each part of the cron expression means"));
    connect(ui.cronHelpButton, &QToolButton::toggled, this, [this](bool on) {
        m_recurringRows->setRowVisible(m_ui->cronHelp, on);
        updateCronHelp();
    });
    m_onceRows->setRowVisible(ui.overlapBox, false);
    // The edit holds wall-clock digits of the job's zone, never this computer's local time
    // (which may skip or repeat them): UTC has no gaps.
    ui.onceEdit->setTimeSpec(Qt::UTC);

    connect(ui.cronEdit, &QLineEdit::textEdited, this, &JobSchedulePage::cronEdited);
    connect(ui.cronEdit, &QLineEdit::textChanged, this, &JobEditorPage::changed);
    connect(ui.cronEdit, &QLineEdit::textChanged, this, &JobSchedulePage::updateCronHelp);
    connect(ui.patternCombo, &QComboBox::currentIndexChanged, this,
            &JobSchedulePage::builderChanged);
    connect(ui.intervalCombo, &QComboBox::currentIndexChanged, this,
            &JobSchedulePage::builderChanged);
    connect(ui.minuteSpin, &QSpinBox::valueChanged, this, &JobSchedulePage::builderChanged);
    connect(ui.timeEdit, &TimeOfDayEdit::timeChanged, this, &JobSchedulePage::builderChanged);
    connect(ui.timeEdit, &QLineEdit::textEdited, this, &JobEditorPage::changed);
    connect(ui.dayOfMonthSpin, &QSpinBox::valueChanged, this, &JobSchedulePage::builderChanged);
    connect(ui.recurringRadio, &QRadioButton::toggled, this, [this](bool recurring) {
        m_ui->scheduleStack->setCurrentIndex(recurring ? 0 : 1);
        emit changed();
    });
    connect(ui.onceEdit, &QDateTimeEdit::dateTimeChanged, this, [this] {
        // A new date-time asks again which occurrence is meant.
        for (QRadioButton *r : {m_ui->firstOccurrenceRadio, m_ui->secondOccurrenceRadio}) {
            r->setAutoExclusive(false);
            r->setChecked(false);
            r->setAutoExclusive(true);
        }
        emit changed();
    });
    connect(ui.firstOccurrenceRadio, &QRadioButton::toggled, this, &JobEditorPage::changed);
    connect(ui.secondOccurrenceRadio, &QRadioButton::toggled, this, &JobEditorPage::changed);
    connect(ui.zonePicker, &ZonePicker::zoneChanged, this, &JobEditorPage::changed);
}

JobSchedulePage::~JobSchedulePage() = default;

void JobSchedulePage::load(const JobSpec &saved)
{
    Ui::JobSchedulePage &ui = *m_ui;
    m_syncing = true;
    ui.zonePicker->setZoneId(saved.timeZone.isEmpty() ? ZonePicker::defaultZoneId()
                                                      : saved.timeZone);
    const bool once = saved.scheduleKind == ScheduleKind::Once;
    ui.recurringRadio->setChecked(!once);
    ui.onceRadio->setChecked(once);
    ui.scheduleStack->setCurrentIndex(once ? 1 : 0);
    if (once) {
        const QDateTime local =
            saved.onceLocal.isValid() ? saved.onceLocal : QDateTime::currentDateTime();
        ui.onceEdit->setDateTime(QDateTime(local.date(), local.time(), Qt::UTC));
        ui.cronEdit->setText(QStringLiteral("0 9 * * *"));
        setPattern(SchedulePattern::fromCron(ui.cronEdit->text()));
    } else {
        ui.cronEdit->setText(saved.cron);
        setPattern(SchedulePattern::fromCron(saved.cron));
        const QDateTime tomorrow = QDateTime::currentDateTime().addDays(1);
        ui.onceEdit->setDateTime(QDateTime(tomorrow.date(), QTime(9, 0), Qt::UTC));
    }
    m_syncing = false;
    if (once) {
        // Which occurrence the saved instant is, when the local time is ambiguous.
        updateOnce();
        if (m_onceAmbiguous && saved.onceAt.isValid()) {
            const Result<QTimeZone> zone = zoneFromId(saved.timeZone);
            if (zone) {
                const LocalTimeResolution r =
                    resolveLocalTime(saved.onceLocal.date(), saved.onceLocal.time(), *zone);
                (r.second == saved.onceAt ? ui.secondOccurrenceRadio : ui.firstOccurrenceRadio)
                    ->setChecked(true);
            }
        }
    }
}

void JobSchedulePage::apply(JobSpec &s) const
{
    const Ui::JobSchedulePage &ui = *m_ui;
    s.timeZone = ui.zonePicker->zoneId();
    if (ui.recurringRadio->isChecked()) {
        s.scheduleKind = ScheduleKind::Cron;
        s.cron = ui.cronEdit->text().simplified();
    } else {
        s.scheduleKind = ScheduleKind::Once;
        const QDateTime local = ui.onceEdit->dateTime();
        s.onceLocal =
            QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()), Qt::UTC);
        s.onceAt = onceInstant().value_or(QDateTime());
    }
}

void JobSchedulePage::setReadOnly()
{
    Ui::JobSchedulePage &ui = *m_ui;
    ui.cronEdit->setReadOnly(true);
    for (QWidget *w : std::initializer_list<QWidget *>{
             ui.patternCombo, ui.intervalCombo, ui.minuteSpin, ui.timeEdit, ui.weekdaysBox,
             ui.dayOfMonthSpin, ui.recurringRadio, ui.onceRadio, ui.onceEdit, ui.overlapBox,
             ui.zonePicker})
        w->setEnabled(false);
}

QStringList JobSchedulePage::fields() const
{
    return {QStringLiteral("cron"), QStringLiteral("once"), QStringLiteral("time_zone")};
}

QWidget *JobSchedulePage::editorFor(const QString &field) const
{
    if (field == QLatin1String("time_zone"))
        return m_ui->zonePicker;
    if (field == QLatin1String("once"))
        return m_ui->onceEdit;
    const auto kind = SchedulePattern::Kind(m_ui->patternCombo->currentData().toInt());
    return kind == SchedulePattern::Kind::Advanced ? static_cast<QWidget *>(m_ui->cronEdit)
                                                   : m_ui->patternCombo;
}

QLabel *JobSchedulePage::errorLabel(const QString &field) const
{
    if (field == QLatin1String("cron"))
        return m_ui->cronError;
    if (field == QLatin1String("time_zone"))
        return m_ui->zoneError;
    return nullptr; // the one-off line shows information too: updateOnce()
}

void JobSchedulePage::setPattern(const SchedulePattern &pattern)
{
    Ui::JobSchedulePage &ui = *m_ui;
    const bool wasSyncing = m_syncing;
    m_syncing = true;
    ui.patternCombo->setCurrentIndex(ui.patternCombo->findData(int(pattern.kind)));
    if (pattern.kind != SchedulePattern::Kind::Advanced) {
        ui.intervalCombo->setCurrentIndex(
            std::max(0, ui.intervalCombo->findData(pattern.interval)));
        ui.minuteSpin->setValue(pattern.minute);
        ui.timeEdit->setTime(pattern.time);
        ui.dayOfMonthSpin->setValue(pattern.dayOfMonth);
        for (int d = 0; d < 7; ++d)
            weekdayBox(ui.weekdaysBox, d)->setChecked(pattern.weekdays.contains(d));
    }
    m_syncing = wasSyncing;
    updatePatternRows();
}

SchedulePattern JobSchedulePage::patternFromForm() const
{
    const Ui::JobSchedulePage &ui = *m_ui;
    SchedulePattern p;
    p.kind = SchedulePattern::Kind(ui.patternCombo->currentData().toInt());
    p.interval = ui.intervalCombo->currentData().toInt();
    p.minute = ui.minuteSpin->value();
    p.time = ui.timeEdit->time();
    p.dayOfMonth = ui.dayOfMonthSpin->value();
    p.weekdays.clear();
    for (int d = 0; d < 7; ++d) {
        if (weekdayBox(ui.weekdaysBox, d)->isChecked())
            p.weekdays.append(d);
    }
    return p;
}

void JobSchedulePage::updatePatternRows()
{
    using Kind = SchedulePattern::Kind;
    const auto kind = Kind(m_ui->patternCombo->currentData().toInt());
    auto show = [rows = m_recurringRows.get()](QWidget *field, bool visible) {
        rows->setRowVisible(field, visible);
    };
    show(m_ui->intervalCombo, kind == Kind::EveryMinutes);
    show(m_ui->minuteSpin, kind == Kind::Hourly);
    show(m_ui->timeEdit,
         kind != Kind::EveryMinutes && kind != Kind::Hourly && kind != Kind::Advanced);
    show(m_ui->weekdaysBox, kind == Kind::Weekly);
    show(m_ui->dayOfMonthSpin, kind == Kind::Monthly);
}

void JobSchedulePage::builderChanged()
{
    if (m_syncing)
        return;
    updatePatternRows();
    const SchedulePattern pattern = patternFromForm();
    if (pattern.kind == SchedulePattern::Kind::Advanced) {
        m_ui->cronEdit->setFocus();
    } else {
        m_syncing = true;
        m_ui->cronEdit->setText(pattern.toCron());
        m_syncing = false;
    }
    emit changed();
}

void JobSchedulePage::cronEdited()
{
    // Typing an expression the builder knows shows it in the builder too.
    const SchedulePattern pattern = SchedulePattern::fromCron(m_ui->cronEdit->text());
    if (pattern.kind == SchedulePattern::Kind::Advanced) {
        m_syncing = true;
        m_ui->patternCombo->setCurrentIndex(m_ui->patternCombo->findData(int(pattern.kind)));
        m_syncing = false;
        updatePatternRows();
    } else {
        setPattern(pattern);
    }
}

void JobSchedulePage::useBuilder()
{
    // "every day at 7" was meant: start from the builder's daily pattern, which the user
    // adjusts from there.
    SchedulePattern daily = SchedulePattern::fromCron(QStringLiteral("0 9 * * *"));
    static const QRegularExpression hour(QStringLiteral("\\b([01]?[0-9]|2[0-3])\\b"));
    if (const auto m = hour.match(m_ui->cronEdit->text()); m.hasMatch())
        daily.time = QTime(m.captured(1).toInt(), 0);
    setPattern(daily);
    m_ui->cronEdit->setText(daily.toCron());
    m_ui->patternCombo->setFocus();
    emit changed();
}

bool JobSchedulePage::looksLikeWords() const
{
    const QString text = m_ui->cronEdit->text().simplified();
    if (text.startsWith(QLatin1Char('@')))
        return false;
    const int fields = text.isEmpty() ? 0 : int(text.count(QLatin1Char(' '))) + 1;
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
    return (fields != 5 && fields != 6) || word.match(text).hasMatch();
}

QString JobSchedulePage::explain(const QString &field, const QString &message) const
{
    if (field != QLatin1String("cron") || !looksLikeWords()
        || CronExpression::parse(m_ui->cronEdit->text()).ok())
        return message;
    return tr("A schedule is five parts separated by spaces: minute, hour, day of the month, "
              "month and day of the week. For example, “30 7 * * *” runs every day at 07:30.");
}

void JobSchedulePage::problemShown(const QString &field, bool shown)
{
    if (field == QLatin1String("cron"))
        m_recurringRows->setRowVisible(m_useBuilder, shown && looksLikeWords());
}

void JobSchedulePage::updateCronHelp()
{
    if (!m_recurringRows->isRowVisible(m_ui->cronHelp))
        return;
    const QStringList names = {tr("minute"), tr("hour"), tr("day of the month"), tr("month"),
                               tr("day of the week")};
    const QStringList ranges = {tr("0–59"), tr("0–23"), tr("1–31"), tr("1–12 or JAN–DEC"),
                                tr("0–7 or SUN–SAT (0 and 7 are Sunday)")};
    QStringList parts = m_ui->cronEdit->text().simplified().split(QLatin1Char(' '));
    if (parts.size() == 6)
        parts.removeFirst(); // seconds: rarely used, explained in the user guide
    QString rows;
    for (int i = 0; i < names.size(); ++i) {
        const QString part = parts.size() == 5 ? parts.at(i) : QString();
        rows += QStringLiteral("<tr><td><tt>%1</tt></td><td>%2</td><td>%3</td></tr>")
                    .arg(part.toHtmlEscaped(), names.at(i).toHtmlEscaped(),
                         ranges.at(i).toHtmlEscaped());
    }
    const QString description = m_ui->scheduleDescription->text();
    m_ui->cronHelp->setText(
        QStringLiteral("<p>%1</p><table cellspacing=\"2\">%2</table><p>%3</p><p>%4</p>")
            .arg(description.isEmpty() ? tr("A cron expression has five parts:").toHtmlEscaped()
                                       : description.toHtmlEscaped(),
                 rows,
                 tr("In each part: * means every value, 1-5 a range, 1,15 a list, */10 every "
                    "tenth. In the day of the month, L is the last day and LW the last "
                    "weekday; in the day of the week, 5L is the last Friday and 1#2 the "
                    "second Monday.")
                     .toHtmlEscaped(),
                 tr("Examples: “0 9 * * 1-5” at 09:00 on Monday to Friday; “*/15 * * * *” every "
                    "15 minutes; “0 18 L * *” at 18:00 on the last day of every month.")
                     .toHtmlEscaped()));
}

QHash<QString, QString> JobSchedulePage::formProblems()
{
    QHash<QString, QString> found;
    if (m_ui->recurringRadio->isChecked()) {
        const SchedulePattern pattern = patternFromForm();
        const bool usesTime = m_ui->timeEdit->isVisibleTo(this) && !m_ui->timeEdit->isHidden();
        if (pattern.kind == SchedulePattern::Kind::Weekly && pattern.weekdays.isEmpty())
            found.insert(QStringLiteral("cron"), tr("Choose at least one day."));
        else if (usesTime && !m_ui->timeEdit->isComplete())
            found.insert(
                QStringLiteral("cron"),
                tr("“%1” is not a time of day. Type it like 07:30.").arg(m_ui->timeEdit->text()));
    }
    const QString once = updateOnce();
    if (!once.isEmpty())
        found.insert(QStringLiteral("once"), once);
    return found;
}

std::optional<QDateTime> JobSchedulePage::onceInstant() const
{
    const Result<QTimeZone> zone = zoneFromId(m_ui->zonePicker->zoneId());
    if (!zone)
        return std::nullopt;
    const QDateTime local = m_ui->onceEdit->dateTime();
    const LocalTimeResolution r =
        resolveLocalTime(local.date(), QTime(local.time().hour(), local.time().minute()), *zone);
    switch (r.kind) {
    case LocalTimeResolution::Kind::Unique:
        return r.first;
    case LocalTimeResolution::Kind::Ambiguous:
        if (m_ui->firstOccurrenceRadio->isChecked())
            return r.first;
        if (m_ui->secondOccurrenceRadio->isChecked())
            return r.second;
        return std::nullopt;
    case LocalTimeResolution::Kind::Nonexistent:
        return std::nullopt;
    }
    return std::nullopt;
}

QString JobSchedulePage::updateOnce()
{
    Ui::JobSchedulePage &ui = *m_ui;
    m_onceAmbiguous = false;
    if (!ui.onceRadio->isChecked()) {
        ui.onceMessage->clear();
        m_onceRows->setRowVisible(ui.overlapBox, false);
        return {};
    }
    const Result<QTimeZone> zone = zoneFromId(ui.zonePicker->zoneId());
    if (!zone) {
        ui.onceMessage->clear();
        return {};
    }
    const QDateTime local = ui.onceEdit->dateTime();
    const LocalTimeResolution r =
        resolveLocalTime(local.date(), QTime(local.time().hour(), local.time().minute()), *zone);
    QString problem;
    QString info;
    m_onceRows->setRowVisible(ui.overlapBox, r.kind == LocalTimeResolution::Kind::Ambiguous);
    if (r.kind == LocalTimeResolution::Kind::Nonexistent) {
        //: %1 why the time does not exist (from the time-zone engine)
        problem = tr("%1 Choose a time that exists there.").arg(r.explanation);
    } else if (r.kind == LocalTimeResolution::Kind::Ambiguous) {
        m_onceAmbiguous = true;
        auto describe = [&](const QDateTime &instant) {
            //: %1 time in the job's zone, %2 its abbreviation, %3 the same moment for the user
            return tr("%1 %2, which is %3 for you")
                .arg(QLocale().toString(instant.toTimeZone(*zone).time(), QStringLiteral("HH:mm")),
                     Display::zoneAbbreviation(instant, *zone),
                     Display::instantForViewer(instant, QTimeZone()));
        };
        ui.firstOccurrenceRadio->setText(tr("The first time: %1").arg(describe(r.first)));
        ui.secondOccurrenceRadio->setText(tr("The second time: %1").arg(describe(r.second)));
        if (!ui.firstOccurrenceRadio->isChecked() && !ui.secondOccurrenceRadio->isChecked())
            problem = tr("%1 Choose which one you mean.").arg(r.explanation);
        else
            info = r.explanation;
    }
    if (problem.isEmpty()) {
        if (const std::optional<QDateTime> at = onceInstant()) {
            const bool changed = !m_keptOnce.isValid() || *at != m_keptOnce;
            if (changed && *at <= QDateTime::currentDateTimeUtc())
                problem = tr("This time has already passed. Choose a time in the future.");
            else if (info.isEmpty())
                info = tr("That is %1 for you.").arg(Display::instantForViewer(*at, QTimeZone()));
        }
    }
    ui.onceMessage->setText(problem.isEmpty() ? info : problem);
    setMessageStyle(ui.onceMessage, !problem.isEmpty());
    return problem;
}

void JobSchedulePage::updatePreview(bool scheduleHasProblem)
{
    Ui::JobSchedulePage &ui = *m_ui;
    QTableWidget *table = ui.previewTable;
    table->setRowCount(0);
    ui.scheduleDescription->clear();
    const Result<QTimeZone> zone = zoneFromId(ui.zonePicker->zoneId());
    const QTimeZone viewer = Display::viewerZone();
    QList<QDateTime> instants;
    if (!zone) {
        updateCronHelp();
        return;
    }
    if (ui.recurringRadio->isChecked()) {
        Result<CronExpression> cron = CronExpression::parse(ui.cronEdit->text());
        if (cron)
            instants = cron->nextInstants(QDateTime::currentDateTimeUtc(), *zone, kPreviewCount);
        // A schedule that never runs still says what it is, and that it never runs.
        if (!cron || (scheduleHasProblem && !instants.isEmpty())) {
            updateCronHelp();
            return;
        }
        QString description = describeCron(*cron, *zone);
        const SchedulePattern pattern = patternFromForm();
        if (pattern.kind == SchedulePattern::Kind::Monthly && pattern.dayOfMonth > 28) {
            description +=
                QLatin1Char(' ') + tr("Months without day %1 are skipped.").arg(pattern.dayOfMonth);
        }
        if (instants.isEmpty())
            description += QLatin1Char(' ') + tr("It never runs.");
        ui.scheduleDescription->setText(description);
    } else {
        const std::optional<QDateTime> at = onceInstant();
        if (!at || scheduleHasProblem)
            return;
        QString description =
            tr("Once, on %1 (%2).").arg(Display::dateTime(*at, *zone), zoneDisplayName(*zone));
        // A date that has passed is no next run (a one-off that ran, or one set in the past).
        if (*at > QDateTime::currentDateTimeUtc())
            instants = {*at};
        else
            description += QLatin1Char(' ') + tr("That time has passed: it does not run again.");
        ui.scheduleDescription->setText(description);
    }
    for (const QDateTime &instant : std::as_const(instants)) {
        const int row = table->rowCount();
        table->insertRow(row);
        //: %1 date and time, %2 time zone abbreviation
        table->setItem(
            row, 0,
            new QTableWidgetItem(tr("%1 %2").arg(Display::dateTime(instant, *zone),
                                                 Display::zoneAbbreviation(instant, *zone))));
        table->setItem(
            row, 1,
            new QTableWidgetItem(tr("%1 %2").arg(Display::dateTime(instant, viewer),
                                                 Display::zoneAbbreviation(instant, viewer))));
    }
    updateCronHelp();
}

QList<QPair<QString, QString>> JobSchedulePage::preview() const
{
    QList<QPair<QString, QString>> rows;
    const QTableWidget *table = m_ui->previewTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        auto text = [table, r](int c) {
            const QTableWidgetItem *item = table->item(r, c);
            return item ? item->text().trimmed() : QString();
        };
        rows.append({text(0), text(1)});
    }
    return rows;
}

} // namespace Cronhelm
