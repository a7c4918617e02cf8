#include "jobbehaviourpage.h"

#include "ui_jobbehaviourpage.h"

#include <domain/joblimits.h>
#include <domain/retentionpolicy.h>

namespace Cronhelm {

JobBehaviourPage::JobBehaviourPage(QWidget *parent)
    : JobEditorPage(parent)
    , m_ui(std::make_unique<Ui::JobBehaviourPage>())
    , m_runOnEdit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("behaviourTab"));
    Ui::JobBehaviourPage &ui = *m_ui;
    ui.setupUi(this);
    ui.backoffCombo->addItem(tr("the same each time"), wireName(RetryBackoff::Fixed));
    ui.backoffCombo->addItem(tr("twice as long each time"), wireName(RetryBackoff::Exponential));
    ui.concurrencyCombo->addItem(tr("Skip the new run (default)"),
                                 wireName(ConcurrencyPolicy::Forbid));
    ui.concurrencyCombo->addItem(tr("Start another one alongside"),
                                 wireName(ConcurrencyPolicy::Allow));
    ui.concurrencyCombo->addItem(tr("Stop the running one and start anew"),
                                 wireName(ConcurrencyPolicy::Replace));
    ui.misfireCombo->addItem(tr("Run once as soon as possible (default)"),
                             wireName(MisfirePolicy::RunOnce));
    ui.misfireCombo->addItem(tr("Skip them"), wireName(MisfirePolicy::Skip));
    ui.misfireCombo->addItem(tr("Run each missed time, at most this many:"),
                             wireName(MisfirePolicy::RunAll));
    // The ranges are the job's rules (JobLimits), the same the database checks.
    ui.timeoutEdit->setRange(JobLimits::minTimeoutSeconds, JobLimits::maxTimeoutSeconds);
    ui.retriesSpin->setRange(0, JobLimits::maxRetries);
    ui.retryDelayEdit->setRange(0, JobLimits::maxRetryDelaySeconds);
    ui.misfireBoundSpin->setRange(JobLimits::minMisfireBound, JobLimits::maxMisfireBound);
    ui.logLimitEdit->setRange(JobLimits::minLogLimitBytes, JobLimits::maxLogLimitBytes);
    connect(ui.misfireCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_ui->misfireBoundSpin->setVisible(misfire() == MisfirePolicy::RunAll); });

    for (DurationEdit *edit : {ui.timeoutEdit, ui.retryDelayEdit})
        connect(edit, &DurationEdit::secondsChanged, this, &JobEditorPage::changed);
    for (QSpinBox *spin : {ui.retriesSpin, ui.misfireBoundSpin})
        connect(spin, &QSpinBox::valueChanged, this, &JobEditorPage::changed);
    for (QComboBox *combo : {ui.backoffCombo, ui.concurrencyCombo, ui.misfireCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &JobEditorPage::changed);
    connect(ui.logLimitEdit, &SizeEdit::bytesChanged, this, &JobEditorPage::changed);

    // The job's own retention (keep_days / keep_runs): each either unset (the store-wide
    // policy's value applies) or the job's number.
    ui.keepDaysSpin->setRange(JobLimits::minKeepDays, JobLimits::maxKeepDays);
    //: Spin box suffix: "Delete its runs after 30 days"
    ui.keepDaysSpin->setSuffix(tr(" days"));
    ui.keepRunsSpin->setRange(0, JobLimits::maxKeepRuns);
    //: Spin box suffix: "But keep at least its last 100 runs"
    ui.keepRunsSpin->setSuffix(tr(" runs"));
    ui.keepNote->setText(tr("What is not checked follows the store-wide policy (File → History "
                            "Retention…)."));
    for (QCheckBox *check : {ui.keepDaysCheck, ui.keepRunsCheck}) {
        connect(check, &QCheckBox::toggled, this, &JobBehaviourPage::updateRetentionEnabled);
        connect(check, &QCheckBox::toggled, this, &JobEditorPage::changed);
    }
    for (QSpinBox *spin : {ui.keepDaysSpin, ui.keepRunsSpin})
        connect(spin, &QSpinBox::valueChanged, this, &JobEditorPage::changed);
    updateRetentionEnabled();

    // Which nodes may run the job (run_on): added here rather than in the .ui file.
    m_runOnEdit->setObjectName(QStringLiteral("runOnEdit"));
    m_runOnEdit->setPlaceholderText(tr("any node"));
    m_runOnEdit->setToolTip(tr("Run only on nodes started with all these labels (--labels), "
                               "comma-separated, e.g. gpu, eu. Empty: any node."));
    ui.behaviourForm->addRow(tr("Run on nodes labelled:"), m_runOnEdit);
    connect(m_runOnEdit, &QLineEdit::textChanged, this, &JobEditorPage::changed);
}

JobBehaviourPage::~JobBehaviourPage() = default;

std::optional<MisfirePolicy> JobBehaviourPage::misfire() const
{
    return fromWireName<MisfirePolicy>(m_ui->misfireCombo->currentData().toString());
}

void JobBehaviourPage::load(const JobSpec &saved)
{
    Ui::JobBehaviourPage &ui = *m_ui;
    ui.timeoutEdit->setSeconds(saved.timeoutSeconds);
    m_runOnEdit->setText(saved.runOn.join(QStringLiteral(", ")));
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
    ui.logLimitEdit->setBytes(saved.logLimitBytes);
    const RetentionPolicy defaults;
    ui.keepDaysCheck->setChecked(saved.keepDays.has_value());
    ui.keepDaysSpin->setValue(saved.keepDays.value_or(defaults.keepDays));
    ui.keepRunsCheck->setChecked(saved.keepRuns.has_value());
    ui.keepRunsSpin->setValue(saved.keepRuns.value_or(defaults.keepRuns));
    updateRetentionEnabled();
}

void JobBehaviourPage::apply(JobSpec &s) const
{
    const Ui::JobBehaviourPage &ui = *m_ui;
    s.timeoutSeconds = ui.timeoutEdit->seconds();
    s.runOn.clear();
    for (const QString &label : m_runOnEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!label.trimmed().isEmpty())
            s.runOn.append(label.trimmed());
    }
    s.retries = ui.retriesSpin->value();
    s.retryBackoff = fromWireName<RetryBackoff>(ui.backoffCombo->currentData().toString())
                         .value_or(s.retryBackoff);
    s.retryDelaySeconds = ui.retryDelayEdit->seconds();
    s.concurrency = fromWireName<ConcurrencyPolicy>(ui.concurrencyCombo->currentData().toString())
                        .value_or(s.concurrency);
    s.misfire = misfire().value_or(s.misfire);
    s.misfireBound = ui.misfireBoundSpin->value();
    // A limit the form cannot show exactly (not whole kilobytes, set by the CLI) stays.
    if (ui.logLimitEdit->bytes() != (s.logLimitBytes / 1024) * 1024
        || s.logLimitBytes < JobLimits::minLogLimitBytes)
        s.logLimitBytes = ui.logLimitEdit->bytes();
    s.keepDays =
        ui.keepDaysCheck->isChecked() ? std::optional(ui.keepDaysSpin->value()) : std::nullopt;
    s.keepRuns =
        ui.keepRunsCheck->isChecked() ? std::optional(ui.keepRunsSpin->value()) : std::nullopt;
}

void JobBehaviourPage::setReadOnly()
{
    const Ui::JobBehaviourPage &ui = *m_ui;
    for (QWidget *w :
         std::initializer_list<QWidget *>{ui.timeoutEdit, ui.retriesSpin, ui.retryDelayEdit,
                                          ui.backoffCombo, ui.concurrencyCombo, ui.misfireCombo,
                                          ui.misfireBoundSpin, ui.logLimitEdit, m_runOnEdit})
        w->setEnabled(false);
    m_readOnly = true;
    updateRetentionEnabled();
}

void JobBehaviourPage::setRetentionPermission(const Permission &may)
{
    m_retention = may;
    const Ui::JobBehaviourPage &ui = *m_ui;
    for (QWidget *w : std::initializer_list<QWidget *>{ui.keepDaysCheck, ui.keepDaysSpin,
                                                       ui.keepRunsCheck, ui.keepRunsSpin})
        w->setToolTip(may.reason);
    updateRetentionEnabled();
}

void JobBehaviourPage::updateRetentionEnabled()
{
    const Ui::JobBehaviourPage &ui = *m_ui;
    const bool editable = m_retention.allowed && !m_readOnly;
    ui.keepDaysCheck->setEnabled(editable);
    ui.keepRunsCheck->setEnabled(editable);
    ui.keepDaysSpin->setEnabled(editable && ui.keepDaysCheck->isChecked());
    ui.keepRunsSpin->setEnabled(editable && ui.keepRunsCheck->isChecked());
}

QStringList JobBehaviourPage::fields() const
{
    return {QStringLiteral("timeout_s"),       QStringLiteral("retries"),
            QStringLiteral("retry_delay_s"),   QStringLiteral("misfire_bound"),
            QStringLiteral("log_limit_bytes"), QStringLiteral("keep_days"),
            QStringLiteral("keep_runs"),       QStringLiteral("run_on")};
}

QWidget *JobBehaviourPage::editorFor(const QString &field) const
{
    const Ui::JobBehaviourPage &ui = *m_ui;
    if (field == QLatin1String("retries"))
        return ui.retriesSpin;
    if (field == QLatin1String("retry_delay_s"))
        return ui.retryDelayEdit;
    if (field == QLatin1String("misfire_bound"))
        return ui.misfireBoundSpin;
    if (field == QLatin1String("log_limit_bytes"))
        return ui.logLimitEdit;
    if (field == QLatin1String("keep_days"))
        return ui.keepDaysSpin;
    if (field == QLatin1String("keep_runs"))
        return ui.keepRunsSpin;
    if (field == QLatin1String("run_on"))
        return m_runOnEdit;
    return ui.timeoutEdit;
}

} // namespace Cronhelm
