#include "jobeditor.h"

#include "messagebar.h"
#include "ui_jobeditor.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <cron/localtime.h>
#include <displayformat.h>
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
    , m_validateTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setUpForm();
    switch (mode) {
    case Mode::Create: {
        setWindowTitle(tr("New Job"));
        JobRecord defaults;
        defaults.targetType = QStringLiteral("http");
        defaults.target = {{QStringLiteral("method"), QStringLiteral("GET")}};
        defaults.scheduleKind = QStringLiteral("cron");
        defaults.cronExpr = QStringLiteral("0 9 * * *");
        defaults.timeZone = ZonePicker::defaultZoneId();
        defaults.retryBackoff = QStringLiteral("exponential");
        defaults.concurrency = QStringLiteral("forbid");
        defaults.misfire = QStringLiteral("run_once");
        defaults.logLimitBytes = 10 * 1024 * 1024;
        load(defaults);
        break;
    }
    case Mode::Edit:
        setWindowTitle(tr("Edit Job “%1”").arg(job.name));
        load(job);
        break;
    case Mode::Duplicate: {
        setWindowTitle(tr("New Job from “%1”").arg(job.name));
        load(job);
        m_ui->nameEdit->setText(tr("Copy of %1").arg(job.name));
        m_loadedSpec = QJsonObject();
        break;
    }
    case Mode::View:
        setWindowTitle(tr("Job “%1”").arg(job.name));
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
    ui.methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                              QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                              QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    ui.shellNote->setText(
        tr("A shell command runs on the scheduler nodes with their permissions. Only "
           "administrators can create or change shell jobs. Write ${env:NAME} to use a secret "
           "kept in an environment variable on the nodes."));
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
    for (QLineEdit *edit : {ui.nameEdit, ui.ownerEdit, ui.urlEdit, ui.expectStatusEdit,
                            ui.failRegexEdit, ui.commandEdit, ui.workdirEdit})
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
    m_syncing = true;
    ui.nameEdit->setText(job.name);
    ui.descriptionEdit->setPlainText(job.description);
    ui.ownerEdit->setText(job.owner);
    ui.enabledCheck->setChecked(job.enabled);

    const bool shell = job.targetType == QLatin1String("shell");
    ui.targetTypeCombo->setCurrentIndex(shell ? 1 : 0);
    ui.targetStack->setCurrentIndex(shell ? 1 : 0);
    const QJsonObject &t = job.target;
    ui.headersTable->setRowCount(0);
    ui.envTable->setRowCount(0);
    if (!shell) {
        ui.methodCombo->setCurrentText(
            t.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper());
        ui.urlEdit->setText(t.value(QLatin1String("url")).toString());
        const QJsonObject headers = t.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            addTextRow(ui.headersTable, it.key(), it.value().toString());
        const QJsonValue body = t.value(QLatin1String("body"));
        if (body.isObject())
            ui.bodyEdit->setPlainText(QString::fromUtf8(QJsonDocument(body.toObject()).toJson()));
        else if (body.isArray())
            ui.bodyEdit->setPlainText(QString::fromUtf8(QJsonDocument(body.toArray()).toJson()));
        else
            ui.bodyEdit->setPlainText(body.toString());
        const QJsonValue expect = t.value(QLatin1String("expect_status"));
        ui.expectStatusEdit->setText(expect.isDouble() ? QString::number(expect.toInt())
                                                       : expect.toString());
        ui.failRegexEdit->setText(t.value(QLatin1String("fail_if_body_matches")).toString());
    } else {
        ui.commandEdit->setText(t.value(QLatin1String("command")).toString());
        const QJsonArray argv = t.value(QLatin1String("argv")).toArray();
        if (!argv.isEmpty()) {
            QStringList words;
            for (const QJsonValue &v : argv)
                words.append(v.toString());
            ui.commandEdit->setPlaceholderText(
                tr("Runs the program directly: %1").arg(words.join(QLatin1Char(' '))));
        }
        ui.workdirEdit->setText(t.value(QLatin1String("workdir")).toString());
        const QJsonObject env = t.value(QLatin1String("env")).toObject();
        for (auto it = env.begin(); it != env.end(); ++it)
            addTextRow(ui.envTable, it.key(), it.value().toString());
    }

    ui.zonePicker->setZoneId(job.timeZone.isEmpty() ? ZonePicker::defaultZoneId() : job.timeZone);
    const bool once = job.scheduleKind == QLatin1String("once");
    ui.recurringRadio->setChecked(!once);
    ui.onceRadio->setChecked(once);
    ui.scheduleStack->setCurrentIndex(once ? 1 : 0);
    if (once) {
        const QDateTime local =
            job.onceLocal.isValid() ? job.onceLocal : QDateTime::currentDateTime();
        ui.onceEdit->setDateTime(QDateTime(local.date(), local.time(), Qt::UTC));
        ui.cronEdit->setText(QStringLiteral("0 9 * * *"));
        setPattern(SchedulePattern::fromCron(ui.cronEdit->text()));
    } else {
        ui.cronEdit->setText(job.cronExpr);
        setPattern(SchedulePattern::fromCron(job.cronExpr));
        const QDateTime tomorrow = QDateTime::currentDateTime().addDays(1);
        ui.onceEdit->setDateTime(QDateTime(tomorrow.date(), QTime(9, 0), Qt::UTC));
    }
    m_syncing = false;
    if (once) {
        // Which occurrence the saved instant is, when the local time is ambiguous.
        updateOnce();
        if (m_onceAmbiguous && job.onceAt.isValid()) {
            const Result<QTimeZone> zone = zoneFromId(job.timeZone);
            if (zone) {
                const LocalTimeResolution r =
                    resolveLocalTime(job.onceLocal.date(), job.onceLocal.time(), *zone);
                (r.second == job.onceAt ? ui.secondOccurrenceRadio : ui.firstOccurrenceRadio)
                    ->setChecked(true);
            }
        }
    }

    ui.timeoutEdit->setSeconds(job.timeoutSeconds);
    ui.retriesSpin->setValue(job.retries);
    ui.retryDelayEdit->setSeconds(job.retryDelaySeconds);
    ui.backoffCombo->setCurrentIndex(std::max(0, ui.backoffCombo->findData(job.retryBackoff)));
    ui.concurrencyCombo->setCurrentIndex(
        std::max(0, ui.concurrencyCombo->findData(job.concurrency)));
    ui.misfireCombo->setCurrentIndex(std::max(0, ui.misfireCombo->findData(job.misfire)));
    ui.misfireBoundSpin->setValue(job.misfireBound);
    ui.misfireBoundSpin->setVisible(job.misfire == QLatin1String("run_all"));
    ui.logLimitSpin->setValue(int(std::max<qint64>(1, job.logLimitBytes / 1024)));
    ui.quietEdit->setSeconds(job.notifyQuietSeconds);

    ui.notifyTable->setRowCount(0);
    for (const QJsonValue &value : job.notify) {
        const QJsonObject n = value.toObject();
        ui.addNotifyButton->click();
        const int row = ui.notifyTable->rowCount() - 1;
        auto *kind = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(row, 0));
        kind->setCurrentIndex(
            std::max(0, kind->findData(n.value(QLatin1String("kind")).toString())));
        ui.notifyTable->item(row, 1)->setText(n.value(QLatin1String("url")).toString());
        QStringList on;
        for (const QJsonValue &e : n.value(QLatin1String("on")).toArray())
            on.append(e.toString());
        if (on.isEmpty())
            on = {QStringLiteral("failure"), QStringLiteral("recovery")};
        const char *events[] = {"failure", "success", "recovery"};
        for (int c = 0; c < 3; ++c)
            ui.notifyTable->item(row, c + 2)
                ->setCheckState(on.contains(QLatin1String(events[c])) ? Qt::Checked
                                                                      : Qt::Unchecked);
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

void JobEditor::validate()
{
    m_validateTimer->stop();
    Ui::JobEditor &ui = *m_ui;
    const QString name = ui.nameEdit->text().trimmed();
    setProblem(QStringLiteral("name"), ui.nameError,
               name.isEmpty()          ? tr("Give the job a name.")
                   : name.size() > 200 ? tr("The name is longer than 200 characters.")
                                       : QString());

    const bool shell = ui.targetTypeCombo->currentData().toString() == QLatin1String("shell");
    QString urlProblem, headerProblem, statusProblem, regexProblem, commandProblem, envProblem;
    if (!shell) {
        const QString url = ui.urlEdit->text().trimmed();
        static const QRegularExpression httpUrl(QStringLiteral("^https?://[^\\s/]+"),
                                                QRegularExpression::CaseInsensitiveOption);
        if (!httpUrl.match(url).hasMatch())
            urlProblem = tr("Enter the address to call, starting with https:// or http://.");
        static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        for (int r = 0; r < ui.headersTable->rowCount() && headerProblem.isEmpty(); ++r) {
            const QString header = itemText(ui.headersTable, r, 0);
            if (header.isEmpty() && itemText(ui.headersTable, r, 1).isEmpty())
                continue;
            if (!token.match(header).hasMatch())
                headerProblem = tr("“%1” is not a valid header name.").arg(header);
        }
        static const QRegularExpression status(QStringLiteral("^(\\d{3})(?:-(\\d{3}))?$"));
        const QString expect = ui.expectStatusEdit->text().trimmed();
        const QRegularExpressionMatch m = status.match(expect);
        if (!expect.isEmpty()
            && (!m.hasMatch()
                || (m.hasCaptured(2) && m.captured(2).toInt() < m.captured(1).toInt())))
            statusProblem = tr("Use a status code like 200 or a range like 200-299.");
        const QString pattern = ui.failRegexEdit->text();
        if (!pattern.isEmpty()) {
            const QRegularExpression re(pattern);
            if (!re.isValid())
                regexProblem =
                    tr("This is not a valid regular expression: %1.").arg(re.errorString());
        }
    } else {
        if (ui.commandEdit->text().trimmed().isEmpty()
            && m_original.target.value(QLatin1String("argv")).toArray().isEmpty())
            commandProblem = tr("Enter the command to run.");
        for (int r = 0; r < ui.envTable->rowCount() && envProblem.isEmpty(); ++r) {
            const QString variable = itemText(ui.envTable, r, 0);
            if (variable.isEmpty() && itemText(ui.envTable, r, 1).isEmpty())
                continue;
            if (variable.isEmpty() || variable.contains(QLatin1Char('=')))
                envProblem = tr("“%1” is not a valid variable name.").arg(variable);
        }
    }
    setProblem(QStringLiteral("target.url"), ui.urlError, urlProblem);
    setProblem(QStringLiteral("target.headers"), ui.headersError, headerProblem);
    setProblem(QStringLiteral("target.expect_status"), ui.expectStatusError, statusProblem);
    setProblem(QStringLiteral("target.fail_if_body_matches"), ui.failRegexError, regexProblem);
    setProblem(QStringLiteral("target.command"), ui.commandError, commandProblem);
    setProblem(QStringLiteral("target.env"), ui.envError, envProblem);

    const QString zoneId = ui.zonePicker->zoneId();
    setProblem(QStringLiteral("time_zone"), ui.zoneError,
               zoneId.isEmpty() ? tr("Choose a time zone from the list.") : QString());

    QString cronProblem;
    if (ui.recurringRadio->isChecked()) {
        const SchedulePattern pattern = patternFromForm();
        if (pattern.kind == SchedulePattern::Kind::Weekly && pattern.weekdays.isEmpty()) {
            cronProblem = tr("Choose at least one day.");
        } else {
            Result<CronExpression> cron = CronExpression::parse(ui.cronEdit->text());
            if (!cron)
                cronProblem = cron.errorMessage();
        }
    }
    setProblem(QStringLiteral("cron"), ui.cronError, cronProblem);
    updateOnce();

    QString notifyProblem;
    for (int r = 0; r < ui.notifyTable->rowCount() && notifyProblem.isEmpty(); ++r) {
        const QString url = itemText(ui.notifyTable, r, 1);
        if (!url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
            && !url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)) {
            notifyProblem = tr("Row %1: enter the webhook address (https://…).").arg(r + 1);
            continue;
        }
        bool any = false;
        for (int c = 2; c <= 4; ++c)
            any = any || ui.notifyTable->item(r, c)->checkState() == Qt::Checked;
        if (!any)
            notifyProblem = tr("Row %1: choose when to notify.").arg(r + 1);
    }
    setProblem(QStringLiteral("notify"), ui.notifyError, notifyProblem);

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
            const bool changed = m_mode != Mode::Edit
                || m_original.scheduleKind != QLatin1String("once") || *at != m_original.onceAt;
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

QJsonObject JobEditor::spec() const
{
    const Ui::JobEditor &ui = *m_ui;
    QJsonObject s;
    s.insert(QStringLiteral("name"), ui.nameEdit->text().trimmed());
    s.insert(QStringLiteral("description"), ui.descriptionEdit->toPlainText().trimmed());
    s.insert(QStringLiteral("owner"), ui.ownerEdit->text().trimmed());
    s.insert(QStringLiteral("enabled"), ui.enabledCheck->isChecked());

    const QString type = ui.targetTypeCombo->currentData().toString();
    s.insert(QStringLiteral("target_type"), type);
    // Keys the form does not show (e.g. max_redirects) are kept as they were.
    QJsonObject t = m_original.targetType == type ? m_original.target : QJsonObject();
    auto setOrRemove = [&t](const char *key, const QJsonValue &value) {
        if (value.isNull() || (value.isString() && value.toString().isEmpty())
            || (value.isObject() && value.toObject().isEmpty()))
            t.remove(QLatin1String(key));
        else
            t.insert(QLatin1String(key), value);
    };
    if (type == QLatin1String("http")) {
        t.insert(QStringLiteral("method"), ui.methodCombo->currentText());
        t.insert(QStringLiteral("url"), ui.urlEdit->text().trimmed());
        QJsonObject headers;
        for (int r = 0; r < ui.headersTable->rowCount(); ++r) {
            if (!itemText(ui.headersTable, r, 0).isEmpty())
                headers.insert(itemText(ui.headersTable, r, 0), itemText(ui.headersTable, r, 1));
        }
        setOrRemove("headers", headers);
        const QString body = ui.bodyEdit->toPlainText();
        const QJsonValue oldBody = m_original.target.value(QLatin1String("body"));
        const QJsonDocument json = QJsonDocument::fromJson(body.toUtf8());
        if ((oldBody.isObject() || oldBody.isArray()) && !json.isNull())
            t.insert(QStringLiteral("body"),
                     json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array()));
        else
            setOrRemove("body", body);
        setOrRemove("expect_status", ui.expectStatusEdit->text().trimmed());
        setOrRemove("fail_if_body_matches", ui.failRegexEdit->text());
    } else {
        const QString command = ui.commandEdit->text().trimmed();
        if (!command.isEmpty()) {
            t.insert(QStringLiteral("command"), command);
            t.remove(QStringLiteral("argv"));
        }
        setOrRemove("workdir", ui.workdirEdit->text().trimmed());
        QJsonObject env;
        for (int r = 0; r < ui.envTable->rowCount(); ++r) {
            if (!itemText(ui.envTable, r, 0).isEmpty())
                env.insert(itemText(ui.envTable, r, 0), itemText(ui.envTable, r, 1));
        }
        setOrRemove("env", env);
    }
    s.insert(QStringLiteral("target"), t);

    s.insert(QStringLiteral("time_zone"), ui.zonePicker->zoneId());
    if (ui.recurringRadio->isChecked()) {
        s.insert(QStringLiteral("schedule_kind"), QStringLiteral("cron"));
        s.insert(QStringLiteral("cron"), ui.cronEdit->text().simplified());
    } else {
        s.insert(QStringLiteral("schedule_kind"), QStringLiteral("once"));
        const QDateTime local = ui.onceEdit->dateTime();
        s.insert(QStringLiteral("once_local"),
                 QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()))
                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        if (const std::optional<QDateTime> at = onceInstant())
            s.insert(QStringLiteral("once_at"), at->toUTC().toString(Qt::ISODateWithMs));
    }

    s.insert(QStringLiteral("timeout_s"), ui.timeoutEdit->seconds());
    s.insert(QStringLiteral("retries"), ui.retriesSpin->value());
    s.insert(QStringLiteral("retry_backoff"), ui.backoffCombo->currentData().toString());
    s.insert(QStringLiteral("retry_delay_s"), ui.retryDelayEdit->seconds());
    s.insert(QStringLiteral("concurrency"), ui.concurrencyCombo->currentData().toString());
    s.insert(QStringLiteral("misfire"), ui.misfireCombo->currentData().toString());
    s.insert(QStringLiteral("misfire_bound"), ui.misfireBoundSpin->value());
    s.insert(QStringLiteral("log_limit_bytes"), qint64(ui.logLimitSpin->value()) * 1024);
    s.insert(QStringLiteral("notify_quiet_s"), ui.quietEdit->seconds());
    QJsonArray notify;
    const char *events[] = {"failure", "success", "recovery"};
    for (int r = 0; r < ui.notifyTable->rowCount(); ++r) {
        auto *kind = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(r, 0));
        QJsonArray on;
        for (int c = 0; c < 3; ++c) {
            if (ui.notifyTable->item(r, c + 2)->checkState() == Qt::Checked)
                on.append(QLatin1String(events[c]));
        }
        notify.append(QJsonObject{{QStringLiteral("kind"),
                                   kind ? kind->currentData().toString() : QStringLiteral("slack")},
                                  {QStringLiteral("url"), itemText(ui.notifyTable, r, 1)},
                                  {QStringLiteral("on"), on}});
    }
    s.insert(QStringLiteral("notify"), notify);
    return s;
}

void JobEditor::save()
{
    validate();
    if (m_mode == Mode::View || m_saving || !m_problems.isEmpty())
        return;
    m_saving = true;
    updateSaveButton();
    const QJsonObject s = spec();
    if (m_mode == Mode::Edit) {
        const qint64 id = m_original.id;
        m_client->updateJob(this, id, m_original.version, s, [this, id](Result<int> version) {
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
        m_client->createJob(this, s, [this](Result<qint64> id) {
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
    if (error.kind == ErrorKind::Conflict && m_mode == Mode::Edit
        && message.contains(QLatin1String("changed by"))) {
        auto *reload = new QAction(tr("Reload"), m_messages);
        reload->setToolTip(tr("Discard your changes and load the job as it is saved now"));
        connect(reload, &QAction::triggered, this, &JobEditor::reloadFromStore);
        m_messages->showMessage(
            MessageBar::Type::Warning,
            tr("Someone else saved this job while you were editing it: %1").arg(message), {reload});
        return;
    }
    if (error.kind == ErrorKind::Conflict && message.contains(QLatin1String("already exists"))) {
        setProblem(QStringLiteral("name"), ui.nameError, message);
        ui.tabs->setCurrentWidget(ui.generalTab);
        ui.nameEdit->setFocus();
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
    if (error.kind == ErrorKind::BadInput) {
        // The database names the field: "target.url: ...", "cron: ...".
        struct Field
        {
            const char *prefix;
            const char *key;
            QLabel *label;
            QWidget *tab;
        };
        const Field fields[] = {
            {"name:", "name", ui.nameError, ui.generalTab},
            {"target.url", "target.url", ui.urlError, ui.targetTab},
            {"target.method", "target.url", ui.urlError, ui.targetTab},
            {"target.headers", "target.headers", ui.headersError, ui.targetTab},
            {"target.expect_status", "target.expect_status", ui.expectStatusError, ui.targetTab},
            {"target.fail_if_body_matches", "target.fail_if_body_matches", ui.failRegexError,
             ui.targetTab},
            {"target.command", "target.command", ui.commandError, ui.targetTab},
            {"target.argv", "target.command", ui.commandError, ui.targetTab},
            {"target.env", "target.env", ui.envError, ui.targetTab},
            {"time_zone:", "time_zone", ui.zoneError, ui.scheduleTab},
            {"cron:", "cron", ui.cronError, ui.scheduleTab},
            {"notify", "notify", ui.notifyError, ui.notifyTab},
        };
        for (const Field &f : fields) {
            if (message.startsWith(QLatin1String(f.prefix))) {
                setProblem(QLatin1String(f.key), f.label, message);
                ui.tabs->setCurrentWidget(f.tab);
                updateSaveButton();
                return;
            }
        }
        if (message.startsWith(QLatin1String("once:"))) {
            setProblem(QStringLiteral("once"), nullptr, message);
            ui.onceMessage->setText(message);
            setErrorStyle(ui.onceMessage, true);
            ui.tabs->setCurrentWidget(ui.scheduleTab);
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
