#include "jobgeneralpage.h"

#include "ui_jobgeneralpage.h"

#include <domain/jobspec.h>

namespace Cronhelm {

namespace {

// "Sales  report", "Salesreport" and "sales report" are easy to mistake for each other.
QString withoutSpaces(const QString &name)
{
    QString folded = name.normalized(QString::NormalizationForm_C).toCaseFolded();
    folded.removeIf([](QChar c) { return c.isSpace() || c.isPunct(); });
    return folded;
}

} // namespace

JobGeneralPage::JobGeneralPage(QWidget *parent)
    : JobEditorPage(parent)
    , m_ui(std::make_unique<Ui::JobGeneralPage>())
{
    setObjectName(QStringLiteral("generalTab"));
    m_ui->setupUi(this);
    prepareErrorLabel(m_ui->nameError);
    watchTouch(m_ui->nameEdit, QStringLiteral("name"));
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->ownerEdit})
        connect(edit, &QLineEdit::textChanged, this, &JobEditorPage::changed);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &JobGeneralPage::updateNameNotice);
    connect(m_ui->descriptionEdit, &QPlainTextEdit::textChanged, this, &JobEditorPage::changed);
    connect(m_ui->enabledCheck, &QCheckBox::toggled, this, &JobEditorPage::changed);
}

JobGeneralPage::~JobGeneralPage() = default;

void JobGeneralPage::load(const JobSpec &spec)
{
    m_ui->nameEdit->setText(spec.name);
    m_ui->descriptionEdit->setPlainText(spec.description);
    m_ui->ownerEdit->setText(spec.owner);
    m_ui->enabledCheck->setChecked(spec.enabled);
}

void JobGeneralPage::apply(JobSpec &spec) const
{
    spec.name = m_ui->nameEdit->text().trimmed();
    spec.description = m_ui->descriptionEdit->toPlainText().trimmed();
    spec.owner = m_ui->ownerEdit->text().trimmed();
    spec.enabled = m_ui->enabledCheck->isChecked();
}

void JobGeneralPage::setReadOnly()
{
    m_ui->nameEdit->setReadOnly(true);
    m_ui->descriptionEdit->setReadOnly(true);
    m_ui->ownerEdit->setReadOnly(true);
    m_ui->enabledCheck->setEnabled(false);
}

QStringList JobGeneralPage::fields() const
{
    return {QStringLiteral("name")};
}

QWidget *JobGeneralPage::editorFor(const QString &) const
{
    return m_ui->nameEdit;
}

QLabel *JobGeneralPage::errorLabel(const QString &field) const
{
    return field == QLatin1String("name") ? m_ui->nameError : nullptr;
}

void JobGeneralPage::setOtherJobs(const QList<QPair<qint64, QString>> &jobs, qint64 self)
{
    m_otherJobs = jobs;
    m_self = self;
    updateNameNotice();
}

QString JobGeneralPage::clashingName() const
{
    const QString typed = m_ui->nameEdit->text().trimmed();
    if (typed.isEmpty())
        return {};
    QString similar;
    for (const auto &[id, name] : m_otherJobs) {
        if (id == m_self)
            continue;
        if (JobRules::sameName(name, typed))
            return name;
        if (similar.isEmpty() && withoutSpaces(name) == withoutSpaces(typed))
            similar = name;
    }
    return similar;
}

bool JobGeneralPage::nameIsRefused() const
{
    const QString clash = clashingName();
    return !clash.isEmpty() && JobRules::sameName(clash, m_ui->nameEdit->text().trimmed());
}

QString JobGeneralPage::nameClashProblem() const
{
    if (!nameIsRefused())
        return {};
    return tr("A job named “%1” already exists. Names must differ in more than letter case.")
        .arg(clashingName());
}

QString JobGeneralPage::notice(const QString &field) const
{
    const QString clash = clashingName();
    if (field != QLatin1String("name") || clash.isEmpty() || nameIsRefused())
        return {};
    return tr("A job named “%1” already exists. Choose a name that tells them apart.").arg(clash);
}

void JobGeneralPage::updateNameNotice()
{
    // Checked while typing, touched or not: the user is choosing a name right now.
    if (nameIsRefused())
        touch(QStringLiteral("name"));
    else
        showProblem(QStringLiteral("name"));
}

} // namespace Cronhelm
