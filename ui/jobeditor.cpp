#include "jobeditor.h"

#include "messagebar.h"
#include "ui_jobeditor.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <cron/localtime.h>
#include <displayformat.h>
#include <permissions.h>
#include <schedulepattern.h>
#include <storeclient.h>

#include <QCheckBox>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTimer>
#include <QUrl>

namespace Cronhelm {

namespace {

constexpr int kPreviewCount = 10;

QString itemText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void addTextRow(QTableWidget *table, const QString &a, const QString &b)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(a));
    table->setItem(row, 1, new QTableWidgetItem(b));
}

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

void setErrorStyle(QLabel *label, bool error)
{
    QPalette p = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    label->setPalette(p);
}

} // namespace

JobEditor::JobEditor(StoreClient *client, Mode mode, const JobRecord &job, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_mode(mode)
    , m_original(job)
    , m_ui(std::make_unique<Ui::JobEditor>())
    , m_messages(new MessageBar(this))
    , m_runOnEdit(new QLineEdit(this))
    , m_validateTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setUpForm();
    switch (mode) {
    case Mode::Create: {
        setWindowTitle(tr("New Job"));
        // A new job starts from the domain's defaults (JobSpec), in the viewer's zone.
        JobRecord defaults;
        defaults.spec.cron = QStringLiteral("0 9 * * *");
        defaults.spec.timeZone = ZonePicker::defaultZoneId();
        m_original = defaults;
        load(defaults);
        break;
    }
    case Mode::Edit:
        setWindowTitle(tr("Edit Job “%1”").arg(job.spec.name));
        load(job);
        break;
    case Mode::Duplicate: {
        setWindowTitle(tr("New Job from “%1”").arg(job.spec.name));
        load(job);
        m_ui->nameEdit->setText(tr("Copy of %1").arg(job.spec.name));
        m_loadedSpec.reset();
        break;
    }
    case Mode::View:
        setWindowTitle(tr("Job “%1”").arg(job.spec.name));
        load(job);
        setReadOnly();
        break;
    }
    validate();
    connect(client, &StoreClient::stateChanged, this, [this] {
        updateSaveButton();
        if (m_client->isConnected() && m_messages->isVisible()
            && m_messages->type() == MessageBar::Type::Warning
            && m_messages->actionTexts().contains(tr("Try Again"))) {
            m_messages->showMessage(MessageBar::Type::Information,
                                    tr("Connected again. You can save the job now."));
        }
    });
}

JobEditor::~JobEditor() = default;

void JobEditor::setUpForm()
{
    Ui::JobEditor &ui = *m_ui;
    ui.mainLayout->insertWidget(0, m_messages);
    ui.tabs->setCurrentIndex(0);

    ui.targetTypeCombo->addItem(tr("HTTP request"), QStringLiteral("http"));
    ui.targetTypeCombo->addItem(tr("Shell command"), QStringLiteral("shell"));
    connect(ui.targetTypeCombo, &QComboBox::currentIndexChanged, ui.targetStack,
            &QStackedWidget::setCurrentIndex);
    // The database refuses shell commands from anyone but cronhelm_shell_admin: not offered.
    if (const Permission shell = shellPermission(m_client->mayWriteShell()); !shell.allowed) {
        if (auto *items = qobject_cast<QStandardItemModel *>(ui.targetTypeCombo->model())) {
            items->item(1)->setEnabled(false);
            items->item(1)->setToolTip(shell.reason);
        }
        ui.targetStack->widget(1)->setEnabled(false);
        ui.targetStack->widget(1)->setToolTip(shell.reason);
    }
    ui.methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                              QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                              QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    ui.shellNote->setText(
        tr("A shell command runs on the scheduler nodes with their permissions. Only members "
           "of cronhelm_shell_admin can create shell jobs or change their commands. Write "
           "${env:CRONHELM_SECRET_NAME} to use a secret the nodes' operator declared; the "
           "command receives it as an environment variable, never as text."));
    ui.failRegexEdit->setToolTip(tr("The run counts as failed when the response body matches "
                                    "this regular expression, even with a good status."));

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
        connect(box, &QCheckBox::toggled, this, &JobEditor::builderChanged);
        qtDay = qtDay % 7 + 1;
    }
    days->addStretch();

    ui.backoffCombo->addItem(tr("the same each time"), QStringLiteral("fixed"));
    ui.backoffCombo->addItem(tr("twice as long each time"), QStringLiteral("exponential"));
    ui.concurrencyCombo->addItem(tr("Skip the new run (default)"), QStringLiteral("forbid"));
    ui.concurrencyCombo->addItem(tr("Start another one alongside"), QStringLiteral("allow"));
    ui.concurrencyCombo->addItem(tr("Stop the running one and start anew"),
                                 QStringLiteral("replace"));
    ui.misfireCombo->addItem(tr("Run once as soon as possible (default)"),
                             QStringLiteral("run_once"));
    ui.misfireCombo->addItem(tr("Skip them"), QStringLiteral("skip"));
    ui.misfireCombo->addItem(tr("Run each missed time, at most this many:"),
                             QStringLiteral("run_all"));
    ui.timeoutEdit->setRange(1, 604800);
    ui.retryDelayEdit->setRange(0, 86400);
    ui.quietEdit->setRange(0, 30 * 86400);

    ui.previewTable->setRowCount(0);
    ui.previewTable->verticalHeader()->hide();
    ui.previewTable->verticalHeader()->setDefaultSectionSize(ui.previewTable->fontMetrics().height()
                                                             + 6);
    QFont bold = ui.scheduleDescription->font();
    bold.setBold(true);
    ui.scheduleDescription->setFont(bold);
    ui.scheduleStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    ui.scheduleLayout->setStretchFactor(ui.previewTable, 1);
    for (QStackedWidget *stack : {ui.scheduleStack, ui.targetStack}) {
        connect(stack, &QStackedWidget::currentChanged, stack,
                [stack] { fitStackToCurrentPage(stack); });
        fitStackToCurrentPage(stack);
    }
    ui.headersTable->horizontalHeader()->resizeSection(0, 200);
    ui.envTable->horizontalHeader()->resizeSection(0, 200);
    ui.notifyTable->horizontalHeader()->resizeSection(0, 110);
    ui.notifyTable->horizontalHeader()->resizeSection(1, 330);
    ui.previewTable->horizontalHeader()->resizeSection(0, 330);

    for (QLabel *label :
         {ui.nameError, ui.urlError, ui.headersError, ui.expectStatusError, ui.failRegexError,
          ui.commandError, ui.envError, ui.cronError, ui.zoneError, ui.notifyError}) {
        setErrorStyle(label, true);
        label->hide();
    }
    ui.overlapBox->hide();
    // The edit holds wall-clock digits of the job's zone, never this computer's local time
    // (which may skip or repeat them): UTC has no gaps.
    ui.onceEdit->setTimeSpec(Qt::UTC);

    // Rows of the tables.
    connect(ui.addHeaderButton, &QPushButton::clicked, this, [this] {
        addTextRow(m_ui->headersTable, {}, {});
        m_ui->headersTable->editItem(
            m_ui->headersTable->item(m_ui->headersTable->rowCount() - 1, 0));
    });
    connect(ui.removeHeaderButton, &QPushButton::clicked, this, [this] {
        if (m_ui->headersTable->currentRow() >= 0)
            m_ui->headersTable->removeRow(m_ui->headersTable->currentRow());
        validate();
    });
    connect(ui.addEnvButton, &QPushButton::clicked, this, [this] {
        addTextRow(m_ui->envTable, {}, {});
        m_ui->envTable->editItem(m_ui->envTable->item(m_ui->envTable->rowCount() - 1, 0));
    });
    connect(ui.removeEnvButton, &QPushButton::clicked, this, [this] {
        if (m_ui->envTable->currentRow() >= 0)
            m_ui->envTable->removeRow(m_ui->envTable->currentRow());
        validate();
    });
    connect(ui.addNotifyButton, &QPushButton::clicked, this, [this] {
        QTableWidget *t = m_ui->notifyTable;
        const int row = t->rowCount();
        t->insertRow(row);
        auto *kind = new QComboBox(t);
        kind->addItem(tr("Slack"), QStringLiteral("slack"));
        kind->addItem(tr("Webhook"), QStringLiteral("webhook"));
        connect(kind, &QComboBox::currentIndexChanged, this, [this] { m_validateTimer->start(); });
        t->setCellWidget(row, 0, kind);
        t->setItem(row, 1, new QTableWidgetItem);
        for (int c = 2; c <= 4; ++c) {
            auto *check = new QTableWidgetItem;
            check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            check->setCheckState(c == 3 ? Qt::Unchecked : Qt::Checked);
            t->setItem(row, c, check);
        }
    });
    connect(ui.removeNotifyButton, &QPushButton::clicked, this, [this] {
        if (m_ui->notifyTable->currentRow() >= 0)
            m_ui->notifyTable->removeRow(m_ui->notifyTable->currentRow());
        validate();
    });

    // Everything typed validates (debounced) and updates the preview.
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(120);
    connect(m_validateTimer, &QTimer::timeout, this, &JobEditor::validate);
    auto later = [this] {
        m_validateTimer->start();
    };
    // Which nodes may run the job (run_on): added here rather than in the .ui file.
    m_runOnEdit->setObjectName(QStringLiteral("runOnEdit"));
    m_runOnEdit->setPlaceholderText(tr("any node"));
    m_runOnEdit->setToolTip(tr("Run only on nodes started with all these labels (--labels), "
                               "comma-separated, e.g. gpu, eu. Empty: any node."));
    ui.behaviourForm->addRow(tr("Run on nodes labelled:"), m_runOnEdit);
    for (QLineEdit *edit : {ui.nameEdit, ui.ownerEdit, ui.urlEdit, ui.expectStatusEdit,
                            ui.failRegexEdit, ui.commandEdit, ui.workdirEdit, m_runOnEdit})
        connect(edit, &QLineEdit::textChanged, this, later);
    for (QPlainTextEdit *edit : {ui.descriptionEdit, ui.bodyEdit})
        connect(edit, &QPlainTextEdit::textChanged, this, later);
    for (QTableWidget *table : {ui.headersTable, ui.envTable, ui.notifyTable})
        connect(table, &QTableWidget::itemChanged, this, later);
    connect(ui.targetTypeCombo, &QComboBox::currentIndexChanged, this, later);
    connect(ui.cronEdit, &QLineEdit::textEdited, this, &JobEditor::cronEdited);
    connect(ui.cronEdit, &QLineEdit::textChanged, this, later);
    connect(ui.patternCombo, &QComboBox::currentIndexChanged, this, &JobEditor::builderChanged);
    connect(ui.intervalCombo, &QComboBox::currentIndexChanged, this, &JobEditor::builderChanged);
    connect(ui.minuteSpin, &QSpinBox::valueChanged, this, &JobEditor::builderChanged);
    connect(ui.timeEdit, &QTimeEdit::timeChanged, this, &JobEditor::builderChanged);
    connect(ui.dayOfMonthSpin, &QSpinBox::valueChanged, this, &JobEditor::builderChanged);
    connect(ui.recurringRadio, &QRadioButton::toggled, this, [this](bool recurring) {
        m_ui->scheduleStack->setCurrentIndex(recurring ? 0 : 1);
        validate();
    });
    connect(ui.onceEdit, &QDateTimeEdit::dateTimeChanged, this, [this] {
        // A new date-time asks again which occurrence is meant.
        for (QRadioButton *r : {m_ui->firstOccurrenceRadio, m_ui->secondOccurrenceRadio}) {
            r->setAutoExclusive(false);
            r->setChecked(false);
            r->setAutoExclusive(true);
        }
        m_validateTimer->start();
    });
    connect(ui.firstOccurrenceRadio, &QRadioButton::toggled, this, later);
    connect(ui.secondOccurrenceRadio, &QRadioButton::toggled, this, later);
    connect(ui.zonePicker, &ZonePicker::zoneChanged, this, later);
    connect(ui.misfireCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_ui->misfireBoundSpin->setVisible(m_ui->misfireCombo->currentData().toString()
                                           == QLatin1String("run_all"));
    });
    connect(ui.buttonBox, &QDialogButtonBox::accepted, this, &JobEditor::save);
    connect(ui.buttonBox, &QDialogButtonBox::rejected, this, &JobEditor::reject);
}

void JobEditor::load(const JobRecord &job)
{
    Ui::JobEditor &ui = *m_ui;
    const JobSpec &saved = job.spec;
    m_syncing = true;
    ui.nameEdit->setText(saved.name);
    ui.descriptionEdit->setPlainText(saved.description);
    ui.ownerEdit->setText(saved.owner);
    ui.enabledCheck->setChecked(saved.enabled);

    const bool shell = saved.target.kind == TargetKind::Shell;
    ui.targetTypeCombo->setCurrentIndex(shell ? 1 : 0);
    ui.targetStack->setCurrentIndex(shell ? 1 : 0);
    ui.headersTable->setRowCount(0);
    ui.envTable->setRowCount(0);
    if (!shell) {
        const HttpTarget &http = saved.target.http;
        ui.methodCombo->setCurrentText(http.method);
        ui.urlEdit->setText(http.url);
        for (const auto &[name, value] : http.headers)
            addTextRow(ui.headersTable, name, value);
        ui.bodyEdit->setPlainText(http.bodyIsJson ? QString::fromUtf8(
                                      QJsonDocument::fromJson(http.body.toUtf8()).toJson())
                                                  : http.body);
        ui.expectStatusEdit->setText(
            http.expectStatus == StatusRange() ? QString() : http.expectStatus.toString());
        ui.failRegexEdit->setText(http.failIfBodyMatches);
    } else {
        const ShellTarget &sh = saved.target.shell;
        ui.commandEdit->setText(sh.command);
        if (!sh.argv.isEmpty()) {
            ui.commandEdit->setPlaceholderText(
                tr("Runs the program directly: %1").arg(sh.argv.join(QLatin1Char(' '))));
        }
        ui.workdirEdit->setText(sh.workdir);
        for (const auto &[name, value] : sh.env)
            addTextRow(ui.envTable, name, value);
    }

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

    ui.timeoutEdit->setSeconds(saved.timeoutSeconds);
    ui.retriesSpin->setValue(saved.retries);
    ui.retryDelayEdit->setSeconds(saved.retryDelaySeconds);
    ui.backoffCombo->setCurrentIndex(
        std::max(0, ui.backoffCombo->findData(wireName(saved.retryBackoff))));
    ui.concurrencyCombo->setCurrentIndex(
        std::max(0, ui.concurrencyCombo->findData(wireName(saved.concurrency))));
    ui.misfireCombo->setCurrentIndex(
        std::max(0, ui.misfireCombo->findData(wireName(saved.misfire))));
    ui.misfireBoundSpin->setValue(saved.misfireBound);
    ui.misfireBoundSpin->setVisible(saved.misfire == MisfirePolicy::RunAll);
    ui.logLimitSpin->setValue(int(std::max<qint64>(1, saved.logLimitBytes / 1024)));
    m_runOnEdit->setText(saved.runOn.join(QStringLiteral(", ")));
    ui.quietEdit->setSeconds(saved.notifyQuietSeconds);

    ui.notifyTable->setRowCount(0);
    for (const NotificationTarget &n : saved.notify) {
        ui.addNotifyButton->click();
        const int row = ui.notifyTable->rowCount() - 1;
        auto *kind = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(row, 0));
        kind->setCurrentIndex(std::max(0, kind->findData(wireName(n.kind))));
        ui.notifyTable->item(row, 1)->setText(n.url);
        const bool on[] = {n.onFailure, n.onSuccess, n.onRecovery};
        for (int c = 0; c < 3; ++c)
            ui.notifyTable->item(row, c + 2)->setCheckState(on[c] ? Qt::Checked : Qt::Unchecked);
    }
    m_loadedSpec = spec();
}

void JobEditor::setPattern(const SchedulePattern &pattern)
{
    Ui::JobEditor &ui = *m_ui;
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

SchedulePattern JobEditor::patternFromForm() const
{
    const Ui::JobEditor &ui = *m_ui;
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

void JobEditor::updatePatternRows()
{
    using Kind = SchedulePattern::Kind;
    const auto kind = Kind(m_ui->patternCombo->currentData().toInt());
    QFormLayout *form = m_ui->recurringForm;
    auto show = [form](QWidget *field, bool visible) {
        form->setRowVisible(field, visible);
    };
    show(m_ui->intervalCombo, kind == Kind::EveryMinutes);
    show(m_ui->minuteSpin, kind == Kind::Hourly);
    show(m_ui->timeEdit,
         kind != Kind::EveryMinutes && kind != Kind::Hourly && kind != Kind::Advanced);
    show(m_ui->weekdaysBox, kind == Kind::Weekly);
    show(m_ui->dayOfMonthSpin, kind == Kind::Monthly);
}

void JobEditor::builderChanged()
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
    m_validateTimer->start();
}

void JobEditor::cronEdited()
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

void JobEditor::setProblem(const QString &field, QLabel *label, const QString &message)
{
    if (message.isEmpty())
        m_problems.remove(field);
    else
        m_problems.insert(field, message);
    if (label) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

QLabel *JobEditor::labelFor(const QString &field) const
{
    const Ui::JobEditor &ui = *m_ui;
    const QString top = field.section(QLatin1Char('.'), 0, 1);
    if (field == QLatin1String("name"))
        return ui.nameError;
    if (top == QLatin1String("target.url") || top == QLatin1String("target.method"))
        return ui.urlError;
    if (top == QLatin1String("target.headers"))
        return ui.headersError;
    if (top == QLatin1String("target.expect_status"))
        return ui.expectStatusError;
    if (top == QLatin1String("target.fail_if_body_matches"))
        return ui.failRegexError;
    if (top == QLatin1String("target.command") || top == QLatin1String("target.argv"))
        return ui.commandError;
    if (top == QLatin1String("target.env"))
        return ui.envError;
    if (field == QLatin1String("time_zone"))
        return ui.zoneError;
    if (field == QLatin1String("cron"))
        return ui.cronError;
    if (field == QLatin1String("notify"))
        return ui.notifyError;
    return nullptr;
}

QWidget *JobEditor::tabFor(const QString &field) const
{
    const Ui::JobEditor &ui = *m_ui;
    if (field.startsWith(QLatin1String("target")))
        return ui.targetTab;
    if (field == QLatin1String("time_zone") || field == QLatin1String("cron")
        || field == QLatin1String("once"))
        return ui.scheduleTab;
    if (field.startsWith(QLatin1String("notify")))
        return ui.notifyTab;
    return ui.generalTab;
}

// The fields the form shows a problem for; everything else goes to the message bar.
const QStringList &JobEditor::formFields()
{
    static const QStringList fields = {QStringLiteral("name"),
                                       QStringLiteral("target.url"),
                                       QStringLiteral("target.headers"),
                                       QStringLiteral("target.expect_status"),
                                       QStringLiteral("target.fail_if_body_matches"),
                                       QStringLiteral("target.command"),
                                       QStringLiteral("target.env"),
                                       QStringLiteral("time_zone"),
                                       QStringLiteral("cron"),
                                       QStringLiteral("notify")};
    return fields;
}

void JobEditor::validate()
{
    m_validateTimer->stop();
    Ui::JobEditor &ui = *m_ui;
    // The job's rules are the domain's (JobRules), the same the database and the node
    // apply; the form adds only what belongs to the form (a weekly pattern needs a day, a
    // repeated local time needs a choice).
    QHash<QString, QString> found;
    for (const FieldProblem &problem : JobRules::check(spec())) {
        QString field = problem.field;
        if (field == QLatin1String("target.method"))
            field = QStringLiteral("target.url");
        else if (field == QLatin1String("target.argv"))
            field = QStringLiteral("target.command");
        if (!found.contains(field))
            found.insert(field, problem.message);
    }
    if (ui.recurringRadio->isChecked()) {
        const SchedulePattern pattern = patternFromForm();
        if (pattern.kind == SchedulePattern::Kind::Weekly && pattern.weekdays.isEmpty())
            found.insert(QStringLiteral("cron"), tr("Choose at least one day."));
    }
    const bool shell = ui.targetTypeCombo->currentData().toString() == QLatin1String("shell");
    for (const QString &field : formFields()) {
        // A problem with the other kind of target is not this form's.
        const bool otherKind =
            (shell
             && (field == QLatin1String("target.url") || field == QLatin1String("target.headers")
                 || field == QLatin1String("target.expect_status")
                 || field == QLatin1String("target.fail_if_body_matches")))
            || (!shell
                && (field == QLatin1String("target.command")
                    || field == QLatin1String("target.env")));
        setProblem(field, labelFor(field), otherKind ? QString() : found.value(field));
    }
    // A credential written out in a header is allowed but pointed out (saving stays possible).
    if (!shell && !m_problems.contains(QStringLiteral("target.headers"))) {
        const QStringList literal = literalSecretHeaders(spec().target.http);
        if (!literal.isEmpty()) {
            ui.headersError->setText(
                tr("%1 holds a credential in plain text: every administrator can read it and "
                   "every backup keeps it. Write ${env:NAME} instead and set NAME in the nodes' "
                   "environment.")
                    .arg(literal.join(QLatin1String(", "))));
            ui.headersError->show();
        }
    }
    // Rules about fields the form has no place for (limits of fields set elsewhere).
    QStringList others;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (!formFields().contains(it.key()) && it.key() != QLatin1String("once"))
            others.append(it.value());
    }
    setProblem(QStringLiteral("other"), nullptr, others.join(QLatin1Char(' ')));
    updateOnce();
    updatePreview();
    updateSaveButton();
}

std::optional<QDateTime> JobEditor::onceInstant() const
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

void JobEditor::updateOnce()
{
    Ui::JobEditor &ui = *m_ui;
    m_onceAmbiguous = false;
    if (!ui.onceRadio->isChecked()) {
        setProblem(QStringLiteral("once"), nullptr, {});
        ui.onceMessage->clear();
        ui.overlapBox->hide();
        return;
    }
    const Result<QTimeZone> zone = zoneFromId(ui.zonePicker->zoneId());
    if (!zone) {
        setProblem(QStringLiteral("once"), nullptr, {});
        ui.onceMessage->clear();
        return;
    }
    const QDateTime local = ui.onceEdit->dateTime();
    const LocalTimeResolution r =
        resolveLocalTime(local.date(), QTime(local.time().hour(), local.time().minute()), *zone);
    QString problem;
    QString info;
    ui.overlapBox->setVisible(r.kind == LocalTimeResolution::Kind::Ambiguous);
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
            const bool changed =
                m_mode != Mode::Edit || !m_original.isOnce() || *at != m_original.spec.onceAt;
            if (changed && *at <= QDateTime::currentDateTimeUtc())
                problem = tr("This time has already passed. Choose a time in the future.");
            else if (info.isEmpty())
                info = tr("That is %1 for you.").arg(Display::instantForViewer(*at, QTimeZone()));
        }
    }
    setProblem(QStringLiteral("once"), nullptr, problem);
    ui.onceMessage->setText(problem.isEmpty() ? info : problem);
    setErrorStyle(ui.onceMessage, !problem.isEmpty());
}

void JobEditor::updatePreview()
{
    Ui::JobEditor &ui = *m_ui;
    QTableWidget *table = ui.previewTable;
    table->setRowCount(0);
    const Result<QTimeZone> zone = zoneFromId(ui.zonePicker->zoneId());
    if (!zone) {
        ui.scheduleDescription->clear();
        return;
    }
    const QTimeZone viewer = Display::viewerZone();
    QList<QDateTime> instants;
    if (ui.recurringRadio->isChecked()) {
        Result<CronExpression> cron = CronExpression::parse(ui.cronEdit->text());
        if (!cron || m_problems.contains(QStringLiteral("cron"))) {
            ui.scheduleDescription->clear();
            return;
        }
        QString description = describeCron(*cron, *zone);
        const SchedulePattern pattern = patternFromForm();
        if (pattern.kind == SchedulePattern::Kind::Monthly && pattern.dayOfMonth > 28) {
            description +=
                QLatin1Char(' ') + tr("Months without day %1 are skipped.").arg(pattern.dayOfMonth);
        }
        ui.scheduleDescription->setText(description);
        instants = cron->nextInstants(QDateTime::currentDateTimeUtc(), *zone, kPreviewCount);
        if (instants.isEmpty())
            ui.scheduleDescription->setText(description + QLatin1Char(' ') + tr("It never runs."));
    } else {
        const std::optional<QDateTime> at = onceInstant();
        if (!at) {
            ui.scheduleDescription->clear();
            return;
        }
        ui.scheduleDescription->setText(
            tr("Once, on %1 (%2).").arg(Display::dateTime(*at, *zone), ui.zonePicker->zoneId()));
        instants = {*at};
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
}

QList<QPair<QString, QString>> JobEditor::preview() const
{
    QList<QPair<QString, QString>> rows;
    for (int r = 0; r < m_ui->previewTable->rowCount(); ++r)
        rows.append({itemText(m_ui->previewTable, r, 0), itemText(m_ui->previewTable, r, 1)});
    return rows;
}

void JobEditor::updateSaveButton()
{
    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    if (!save)
        return;
    QString why;
    if (!m_problems.isEmpty())
        why = m_problems.first();
    else if (!m_client->isConnected())
        why = tr("Not connected to the database. Everything you typed is kept; save when "
                 "Cronhelm is connected again.");
    else if (m_saving)
        why = tr("Saving…");
    save->setEnabled(why.isEmpty());
    save->setToolTip(why);
}

JobSpec JobEditor::spec() const
{
    const Ui::JobEditor &ui = *m_ui;
    // What the form does not show (argv, max_redirects, timeouts of the connection,
    // retention) stays as it was.
    JobSpec s = m_original.spec;
    s.name = ui.nameEdit->text().trimmed();
    s.description = ui.descriptionEdit->toPlainText().trimmed();
    s.owner = ui.ownerEdit->text().trimmed();
    s.enabled = ui.enabledCheck->isChecked();

    const TargetKind kind = fromWireName<TargetKind>(ui.targetTypeCombo->currentData().toString())
                                .value_or(TargetKind::Http);
    if (kind != m_original.spec.target.kind) {
        s.target = TargetSpec();
        s.target.kind = kind;
    }
    if (kind == TargetKind::Http) {
        HttpTarget &http = s.target.http;
        http.method = ui.methodCombo->currentText();
        http.url = ui.urlEdit->text().trimmed();
        http.headers.clear();
        for (int r = 0; r < ui.headersTable->rowCount(); ++r) {
            if (!itemText(ui.headersTable, r, 0).isEmpty())
                http.headers.append(
                    {itemText(ui.headersTable, r, 0), itemText(ui.headersTable, r, 1)});
        }
        std::sort(http.headers.begin(), http.headers.end());
        const QString body = ui.bodyEdit->toPlainText();
        const QJsonDocument json = QJsonDocument::fromJson(body.toUtf8());
        // A body that was JSON stays JSON while it still parses.
        http.bodyIsJson = m_original.spec.target.http.bodyIsJson && !json.isNull();
        http.body = http.bodyIsJson ? QString::fromUtf8(json.toJson(QJsonDocument::Compact)) : body;
        const QString expect = ui.expectStatusEdit->text().trimmed();
        http.expectStatus = expect.isEmpty()
            ? StatusRange()
            : StatusRange::parse(expect).value_or(StatusRange{0, 0}); // {0,0}: refused by the rules
        http.failIfBodyMatches = ui.failRegexEdit->text();
    } else {
        ShellTarget &shell = s.target.shell;
        const QString command = ui.commandEdit->text().trimmed();
        if (!command.isEmpty()) {
            shell.command = command;
            shell.argv.clear();
        } else if (shell.argv.isEmpty()) {
            shell.command.clear();
        }
        shell.workdir = ui.workdirEdit->text().trimmed();
        shell.env.clear();
        for (int r = 0; r < ui.envTable->rowCount(); ++r) {
            if (!itemText(ui.envTable, r, 0).isEmpty() || !itemText(ui.envTable, r, 1).isEmpty())
                shell.env.append({itemText(ui.envTable, r, 0), itemText(ui.envTable, r, 1)});
        }
        std::sort(shell.env.begin(), shell.env.end());
    }

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

    s.timeoutSeconds = ui.timeoutEdit->seconds();
    s.retries = ui.retriesSpin->value();
    s.retryBackoff = fromWireName<RetryBackoff>(ui.backoffCombo->currentData().toString())
                         .value_or(s.retryBackoff);
    s.retryDelaySeconds = ui.retryDelayEdit->seconds();
    s.concurrency = fromWireName<ConcurrencyPolicy>(ui.concurrencyCombo->currentData().toString())
                        .value_or(s.concurrency);
    s.misfire =
        fromWireName<MisfirePolicy>(ui.misfireCombo->currentData().toString()).value_or(s.misfire);
    s.misfireBound = ui.misfireBoundSpin->value();
    s.logLimitBytes = qint64(ui.logLimitSpin->value()) * 1024;
    s.runOn.clear();
    for (const QString &label : m_runOnEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!label.trimmed().isEmpty())
            s.runOn.append(label.trimmed());
    }
    s.notifyQuietSeconds = ui.quietEdit->seconds();
    s.notify.clear();
    for (int r = 0; r < ui.notifyTable->rowCount(); ++r) {
        auto *kindBox = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(r, 0));
        NotificationTarget target;
        target.kind =
            fromWireName<NotifyKind>(kindBox ? kindBox->currentData().toString() : QString())
                .value_or(NotifyKind::Slack);
        target.url = itemText(ui.notifyTable, r, 1);
        target.onFailure = ui.notifyTable->item(r, 2)->checkState() == Qt::Checked;
        target.onSuccess = ui.notifyTable->item(r, 3)->checkState() == Qt::Checked;
        target.onRecovery = ui.notifyTable->item(r, 4)->checkState() == Qt::Checked;
        s.notify.append(target);
    }
    return s;
}

void JobEditor::save()
{
    validate();
    if (m_mode == Mode::View || m_saving || !m_problems.isEmpty())
        return;
    m_saving = true;
    updateSaveButton();
    const JobSpec s = spec();
    if (m_mode == Mode::Edit) {
        const qint64 id = m_original.id;
        const QJsonObject changes = m_original.spec.changesTo(s);
        m_client->updateJob(this, id, m_original.version, changes, [this, id](Result<int> version) {
            m_saving = false;
            if (!version) {
                handleSaveError(version.error());
                updateSaveButton();
                return;
            }
            m_original.version = *version;
            m_loadedSpec = spec();
            emit saved(id);
            accept();
        });
    } else {
        m_client->createJob(this, s.toJson(), [this](Result<qint64> id) {
            m_saving = false;
            if (!id) {
                handleSaveError(id.error());
                updateSaveButton();
                return;
            }
            m_loadedSpec = spec();
            emit saved(*id);
            accept();
        });
    }
}

void JobEditor::handleSaveError(const Error &error)
{
    Ui::JobEditor &ui = *m_ui;
    const QString &message = error.message;
    // Routed on the error's kind and field (raised by the SQL API), never on its text.
    if (error.kind == ErrorKind::Conflict && error.field == QLatin1String("version")
        && m_mode == Mode::Edit) {
        auto *reload = new QAction(tr("Reload"), m_messages);
        reload->setToolTip(tr("Discard your changes and load the job as it is saved now"));
        connect(reload, &QAction::triggered, this, &JobEditor::reloadFromStore);
        m_messages->showMessage(
            MessageBar::Type::Warning,
            tr("Someone else saved this job while you were editing it: %1").arg(message), {reload});
        return;
    }
    if (error.kind == ErrorKind::ConnectionLost) {
        auto *retry = new QAction(tr("Try Again"), m_messages);
        connect(retry, &QAction::triggered, this, &JobEditor::save);
        m_messages->showMessage(MessageBar::Type::Warning,
                                tr("The job was not saved because the connection to the database "
                                   "is lost. Everything you typed is kept; save again when "
                                   "Cronhelm is connected."),
                                {retry});
        return;
    }
    if ((error.kind == ErrorKind::BadInput || error.kind == ErrorKind::Conflict)
        && !error.field.isEmpty()) {
        QString field = error.field;
        if (field == QLatin1String("target.method"))
            field = QStringLiteral("target.url");
        else if (field == QLatin1String("target.argv"))
            field = QStringLiteral("target.command");
        ui.tabs->setCurrentWidget(tabFor(field));
        if (field == QLatin1String("once")) {
            setProblem(field, nullptr, message);
            ui.onceMessage->setText(message);
            setErrorStyle(ui.onceMessage, true);
            updateSaveButton();
            return;
        }
        if (QLabel *label = labelFor(field)) {
            setProblem(field, label, message);
            if (field == QLatin1String("name"))
                ui.nameEdit->setFocus();
            updateSaveButton();
            return;
        }
    }
    m_messages->showMessage(MessageBar::Type::Error, tr("The job was not saved: %1").arg(message));
}

void JobEditor::reloadFromStore()
{
    const qint64 id = m_original.id;
    m_client->fetchJob(this, id, [this](Result<JobRecord> job) {
        if (!job) {
            m_messages->showMessage(MessageBar::Type::Error,
                                    tr("The job could not be loaded: %1").arg(job.errorMessage()));
            return;
        }
        m_original = *job;
        load(*job);
        validate();
        m_messages->showMessage(
            MessageBar::Type::Information,
            tr("Loaded version %1, saved by %2 on %3. Your changes were discarded.")
                .arg(job->version)
                .arg(job->updatedBy, Display::dateTime(job->updatedAt, Display::viewerZone())));
    });
}

void JobEditor::setReadOnly()
{
    Ui::JobEditor &ui = *m_ui;
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        edit->setReadOnly(true);
    for (QPlainTextEdit *edit : findChildren<QPlainTextEdit *>())
        edit->setReadOnly(true);
    for (QWidget *w : std::initializer_list<QWidget *>{
             ui.enabledCheck,     ui.targetTypeCombo, ui.methodCombo,      ui.patternCombo,
             ui.intervalCombo,    ui.minuteSpin,      ui.timeEdit,         ui.weekdaysBox,
             ui.dayOfMonthSpin,   ui.recurringRadio,  ui.onceRadio,        ui.onceEdit,
             ui.overlapBox,       ui.zonePicker,      ui.timeoutEdit,      ui.retriesSpin,
             ui.retryDelayEdit,   ui.backoffCombo,    ui.concurrencyCombo, ui.misfireCombo,
             ui.misfireBoundSpin, ui.logLimitSpin,    ui.quietEdit,        ui.notifyTable})
        w->setEnabled(false);
    for (QTableWidget *t : {ui.headersTable, ui.envTable})
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QPushButton *b : {ui.addHeaderButton, ui.removeHeaderButton, ui.addEnvButton,
                           ui.removeEnvButton, ui.addNotifyButton, ui.removeNotifyButton})
        b->hide();
    ui.buttonBox->setStandardButtons(QDialogButtonBox::Close);
}

bool JobEditor::isDirty() const
{
    return m_mode != Mode::View && spec() != m_loadedSpec;
}

void JobEditor::closeEvent(QCloseEvent *event)
{
    if (result() != QDialog::Accepted && isDirty()) {
        const auto answer = QMessageBox::question(
            this, tr("Discard Changes"), tr("Discard your changes to this job?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
        m_loadedSpec = spec();
    }
    QDialog::closeEvent(event);
}

void JobEditor::reject()
{
    if (isDirty()) {
        const auto answer = QMessageBox::question(
            this, tr("Discard Changes"), tr("Discard your changes to this job?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
        m_loadedSpec = spec();
    }
    QDialog::reject();
}

} // namespace Cronhelm
