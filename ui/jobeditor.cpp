#include "jobeditor.h"

#include "jobbehaviourpage.h"
#include "jobgeneralpage.h"
#include "jobnotifypage.h"
#include "jobschedulepage.h"
#include "jobtargetpage.h"
#include "messagebar.h"
#include "ui_jobgeneralpage.h"
#include "ui_jobschedulepage.h"
#include "zonepicker.h"

#include <displayformat.h>
#include <storeclient.h>

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Cronhelm {

JobEditor::JobEditor(StoreClient *client, Mode mode, const JobRecord &job, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_mode(mode)
    , m_original(job)
    , m_messages(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
    , m_general(new JobGeneralPage(m_tabs))
    , m_target(new JobTargetPage(m_tabs))
    , m_schedule(new JobSchedulePage(m_tabs))
    , m_behaviour(new JobBehaviourPage(m_tabs))
    , m_notify(new JobNotifyPage(m_tabs))
    , m_saveReason(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel | QDialogButtonBox::Save, this))
    , m_validateTimer(new QTimer(this))
{
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
        load(job); // names it "Copy of …"
        m_loadedSpec.reset();
        break;
    }
    case Mode::View:
        setWindowTitle(tr("Job “%1”").arg(job.spec.name));
        load(job);
        setReadOnly();
        break;
    }
    // A saved job's problems are shown at once; a new job's only where the user has been.
    if (mode != Mode::Create) {
        for (JobEditorPage *page : pages())
            page->touchAll();
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

QList<JobEditorPage *> JobEditor::pages() const
{
    return {m_general, m_target, m_schedule, m_behaviour, m_notify};
}

void JobEditor::setUpForm()
{
    setObjectName(QStringLiteral("JobEditor"));
    resize(760, 680);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_saveReason->setObjectName(QStringLiteral("saveReason"));
    m_tabs->addTab(m_general, tr("General"));
    m_target->setShellPermission(shellPermission(m_client->mayWriteShell()));
    m_tabs->addTab(m_target, tr("What to Run"));
    m_tabs->addTab(m_schedule, tr("When"));
    m_behaviour->setRetentionPermission(retentionPermission(m_client->role()));
    m_tabs->addTab(m_behaviour, tr("Behaviour"));
    m_tabs->addTab(m_notify, tr("Notifications"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_tabs, 1);
    auto *bottom = new QHBoxLayout;
    // Why Save is disabled, next to it, with a link to the field; its own line of the
    // button row, so nothing above moves when it appears.
    m_saveReason->setTextFormat(Qt::RichText);
    m_saveReason->setWordWrap(true);
    m_saveReason->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_saveReason, &QLabel::linkActivated, this, &JobEditor::goToProblem);
    bottom->addWidget(m_saveReason, 1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);

    // Everything typed validates (debounced) and updates the preview.
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(120);
    connect(m_validateTimer, &QTimer::timeout, this, &JobEditor::validate);
    for (JobEditorPage *page : pages())
        connect(page, &JobEditorPage::changed, m_validateTimer, qOverload<>(&QTimer::start));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &JobEditor::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &JobEditor::reject);
}

void JobEditor::load(const JobRecord &job)
{
    if (m_mode == Mode::Edit && job.isOnce())
        m_schedule->setKeptOnceInstant(job.spec.onceAt);
    for (JobEditorPage *page : pages())
        page->load(job.spec);
    if (m_mode == Mode::Duplicate)
        m_general->form()->nameEdit->setText(tr("Copy of %1").arg(job.spec.name));
    m_loadedSpec = spec();
}

void JobEditor::setOtherJobs(const QList<QPair<qint64, QString>> &jobs)
{
    m_general->setOtherJobs(jobs, m_mode == Mode::Edit || m_mode == Mode::View ? m_original.id : 0);
    validate();
}

QString JobEditor::formField(const QString &field)
{
    if (field == QLatin1String("target.method"))
        return QStringLiteral("target.url");
    if (field == QLatin1String("target.argv"))
        return QStringLiteral("target.command");
    if (field.startsWith(QLatin1String("target.")))
        return field.section(QLatin1Char('.'), 0, 1);
    if (field.startsWith(QLatin1String("notify.")) || field.startsWith(QLatin1String("notify[")))
        return QStringLiteral("notify");
    return field;
}

JobEditorPage *JobEditor::pageFor(const QString &field) const
{
    for (JobEditorPage *page : pages()) {
        if (page->fields().contains(field))
            return page;
    }
    return nullptr;
}

void JobEditor::validate()
{
    m_validateTimer->stop();
    // The job's rules are the domain's (JobRules), the same the database and the node
    // apply; the pages add only what belongs to the form (a weekly pattern needs a day, a
    // repeated local time needs a choice, a name must not clash with another job's).
    QHash<QString, QString> found;
    for (const FieldProblem &problem : JobRules::check(spec())) {
        const QString field = formField(problem.field);
        if (!found.contains(field))
            found.insert(field, problem.message);
    }
    const QHash<QString, QString> formOnly = m_schedule->formProblems();
    for (auto it = formOnly.cbegin(); it != formOnly.cend(); ++it)
        found.insert(it.key(), it.value());
    if (!found.contains(QStringLiteral("name")) && !m_general->nameClashProblem().isEmpty())
        found.insert(QStringLiteral("name"), m_general->nameClashProblem());

    m_problems.clear();
    m_orderedProblems.clear();
    for (JobEditorPage *page : pages()) {
        for (const QString &field : page->fields()) {
            QString message = found.take(field);
            if (!message.isEmpty())
                message = page->explain(field, message);
            page->setProblem(field, message);
            if (!message.isEmpty()) {
                m_problems.insert(field, message);
                m_orderedProblems.append({field, message});
            }
        }
    }
    // Rules about fields the form has no place for (set elsewhere, e.g. by cronhelmctl).
    QStringList others;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (!m_target->isOtherKindField(it.key()))
            others.append(it.value());
    }
    if (!others.isEmpty()) {
        const QString other = others.join(QLatin1Char(' '));
        m_problems.insert(QStringLiteral("other"), other);
        m_orderedProblems.append({QStringLiteral("other"), other});
    }
    m_schedule->updatePreview(m_problems.contains(QStringLiteral("cron"))
                              || m_problems.contains(QStringLiteral("once"))
                              || m_problems.contains(QStringLiteral("time_zone")));
    markTabs();
    updateSaveButton();
}

bool JobEditor::isCheckPending() const
{
    return m_validateTimer->isActive();
}

void JobEditor::markTabs()
{
    // A tab with a problem says so in its title bar (icon, colour, tooltip), so a problem
    // on another tab is found without opening each one.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *page = qobject_cast<JobEditorPage *>(m_tabs->widget(i));
        QString first;
        for (const auto &[field, message] : std::as_const(m_orderedProblems)) {
            if (pageFor(field) == page) {
                first = message;
                break;
            }
        }
        m_tabs->setTabToolTip(i, first);
        // Only when the mark changes: setTabIcon() lays the tab widget out at once, and an
        // unchanged mark need not cost a layout on every key press.
        const bool marked = !first.isEmpty();
        if (m_tabs->tabBar()->tabData(i).toBool() == marked)
            continue;
        m_tabs->tabBar()->setTabData(i, marked);
        m_tabs->setTabIcon(i, marked ? warning : QIcon());
        m_tabs->tabBar()->setTabTextColor(i, marked ? QColor(0xda, 0x44, 0x53) : QColor());
    }
}

QString JobEditor::saveBlockedReason() const
{
    if (m_mode == Mode::View)
        return {};
    if (!m_orderedProblems.isEmpty()) {
        const auto &[field, message] = m_orderedProblems.first();
        const JobEditorPage *page = pageFor(field);
        if (!page)
            return message;
        //: %1 the tab's title ("When"), %2 the problem
        return tr("%1: %2").arg(m_tabs->tabText(m_tabs->indexOf(page)).remove(QLatin1Char('&')),
                                message);
    }
    if (!m_client->isConnected())
        return tr("Not connected to the database. Everything you typed is kept; save when "
                  "Cronhelm is connected again.");
    if (m_saving)
        return tr("Saving…");
    return {};
}

void JobEditor::updateSaveButton()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!save) {
        m_saveReason->clear();
        return;
    }
    const QString why = saveBlockedReason();
    save->setEnabled(why.isEmpty());
    save->setToolTip(why);
    if (why.isEmpty() || m_orderedProblems.isEmpty()) {
        m_saveReason->setText(why.toHtmlEscaped());
    } else {
        // A link to the field that has the problem.
        m_saveReason->setText(
            QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(m_orderedProblems.first().first.toHtmlEscaped(), why.toHtmlEscaped()));
    }
}

void JobEditor::goToProblem(const QString &field)
{
    JobEditorPage *page = pageFor(field);
    if (!page)
        return;
    m_tabs->setCurrentWidget(page);
    page->touchAll();
    if (QWidget *editor = page->editorFor(field))
        editor->setFocus(Qt::OtherFocusReason);
}

QList<QPair<QString, QString>> JobEditor::preview() const
{
    return m_schedule->preview();
}

JobSpec JobEditor::spec() const
{
    // What the form does not show (argv, max_redirects, timeouts of the connection) stays as
    // it was.
    JobSpec s = m_original.spec;
    for (JobEditorPage *page : pages())
        page->apply(s);
    return s;
}

void JobEditor::save()
{
    // Trying to save shows every problem where it is.
    for (JobEditorPage *page : pages())
        page->touchAll();
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
        const QString field = formField(error.field);
        if (JobEditorPage *page = pageFor(field)) {
            m_tabs->setCurrentWidget(page);
            page->touchAll();
            page->setProblem(field, message);
            if (field == QLatin1String("once"))
                m_schedule->form()->onceMessage->setText(message);
            m_problems.insert(field, message);
            m_orderedProblems.prepend({field, message});
            if (QWidget *editor = page->editorFor(field))
                editor->setFocus();
            markTabs();
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
    for (JobEditorPage *page : pages())
        page->setReadOnly();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
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
