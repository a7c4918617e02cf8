#include "jobsview.h"

#include "columnsizer.h"
#include "jobeditor.h"
#include "messagebar.h"
#include "placeholdertableview.h"

#include <displayformat.h>
#include <jobsfilterproxy.h>
#include <jobsmodel.h>
#include <permissions.h>
#include <storeclient.h>

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Cronhelm {

JobsView::JobsView(StoreClient *client, JobsModel *model, MessageBar *messages, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(model)
    , m_messages(messages)
    , m_proxy(new JobsFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_failingOnly(new QToolButton(this))
    , m_failingFirst(new QCheckBox(tr("Failing first"), this))
    , m_table(new PlaceholderTableView(this))
{
    m_proxy->setSourceModel(model);
    m_filter->setObjectName(QStringLiteral("jobsFilter"));
    m_filter->setPlaceholderText(tr("Filter jobs by name, owner, description or schedule"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Display::icon(QStringLiteral("find")), QLineEdit::LeadingPosition);
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &JobsFilterProxy::setFilterText);
    m_failingOnly->setObjectName(QStringLiteral("failingOnly"));
    m_failingOnly->setCheckable(true);
    m_failingOnly->setIcon(Display::statusIcon(RunStatus::Failed));
    m_failingOnly->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_failingOnly->setToolTip(
        tr("Show only the jobs whose last run failed, timed out or was abandoned"));
    connect(m_failingOnly, &QToolButton::toggled, m_proxy, &JobsFilterProxy::setFailingOnly);
    m_failingFirst->setObjectName(QStringLiteral("failingFirst"));
    m_failingFirst->setToolTip(tr("List the failing jobs at the top, whatever the sort"));
    connect(m_failingFirst, &QCheckBox::toggled, m_proxy, &JobsFilterProxy::setFailingFirst);

    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_proxy);
    m_table->setPlaceholder([this] { return emptyTableText(); });
    // An empty model that finished loading, or a connection change, inserts no rows: repaint
    // so the placeholder follows.
    connect(model, &JobsModel::loaded, m_table->viewport(), qOverload<>(&QWidget::update));
    connect(client, &StoreClient::stateChanged, m_table->viewport(), qOverload<>(&QWidget::update));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(JobsModel::Name, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->installEventFilter(this);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    // Schedule says the most; Owner the least (it got all spare width before).
    m_sizer = new ColumnSizer(m_table,
                              {{JobsModel::Name, 9, 320},
                               {JobsModel::Schedule, 8, 0, 260},
                               {JobsModel::NextRun, 7},
                               {JobsModel::LastResult, 6},
                               {JobsModel::State, 5},
                               {JobsModel::LastDuration, 4},
                               {JobsModel::Owner, 1, 200}},
                              JobsModel::Schedule);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_failingOnly);
    filterRow->addWidget(m_failingFirst);
    layout->addLayout(filterRow);
    layout->addWidget(m_table);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &JobsView::updateFailingCount);
    connect(model, &QAbstractItemModel::dataChanged, this, &JobsView::updateFailingCount);
    connect(model, &QAbstractItemModel::modelReset, this, &JobsView::updateFailingCount);
    connect(model, &JobsModel::loaded, this, &JobsView::updateFailingCount);
    updateFailingCount();

    createActions();
    auto selectionChanged = [this] {
        updateActions();
        const std::optional<JobRecord> job = selectedJob();
        const qint64 id = job ? job->id : 0;
        if (id != m_currentJob) {
            m_currentJob = id;
            emit currentJobChanged(id);
        }
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            selectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        openEditor(m_actions.edit->isEnabled() ? int(JobEditor::Mode::Edit)
                                               : int(JobEditor::Mode::View));
    });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.setToolTipsVisible(true);
        menu.addActions({m_actions.edit, m_actions.duplicate});
        menu.addSeparator();
        menu.addActions({m_actions.pauseResume, m_actions.runNow, m_actions.watch});
        menu.addSeparator();
        menu.addAction(m_actions.remove);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &JobsView::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &JobsView::updateActions);
    connect(model, &JobsModel::loaded, this, &JobsView::updateActions);
    connect(client, &StoreClient::stateChanged, this, &JobsView::updateActions);
    updateActions();
}

void JobsView::updateFailingCount()
{
    const int count = m_model->failingCount();
    //: the Jobs tab's filter button; %1 how many jobs are failing
    m_failingOnly->setText(tr("Failing (%1)").arg(count));
    if (count == m_failingCount)
        return;
    m_failingCount = count;
    emit failingCountChanged(count);
}

QString JobsView::emptyTableText() const
{
    if (!m_client->isConnected() || !m_model->isLoaded())
        return {};
    if (m_failingOnly->isChecked() && m_model->rowCount() > 0 && m_filter->text().isEmpty())
        return tr("No job is failing.");
    if (m_model->rowCount() > 0)
        return tr("No job matches \u201c%1\u201d.").arg(m_filter->text().trimmed());
    if (permissionFor(m_client->role(), JobAction::Create).allowed)
        return tr("No jobs yet. Use New Job (%1) to create the first one.")
            .arg(m_actions.create->shortcut().toString(QKeySequence::NativeText));
    return tr("No jobs yet. An administrator can create them.");
}
void JobsView::createActions()
{
    auto make = [this](const QString &icon, const QString &theme, const QString &text,
                       const QKeySequence &shortcut, void (JobsView::*slot)()) {
        auto *action = new QAction(Display::icon(icon, theme), text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_actions.create =
        new QAction(Display::icon(QStringLiteral("new"), QStringLiteral("document-new")),
                    tr("&New Job…"), this);
    m_actions.create->setShortcut(QKeySequence::New);
    connect(m_actions.create, &QAction::triggered, this,
            [this] { openEditor(int(JobEditor::Mode::Create)); });
    m_actions.edit = new QAction(
        Display::icon(QStringLiteral("edit"), QStringLiteral("document-edit")), tr("&Edit…"), this);
    m_actions.edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_actions.edit, &QAction::triggered, this,
            [this] { openEditor(int(JobEditor::Mode::Edit)); });
    m_actions.duplicate =
        new QAction(Display::icon(QStringLiteral("duplicate"), QStringLiteral("edit-copy")),
                    tr("D&uplicate…"), this);
    m_actions.duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_actions.duplicate, &QAction::triggered, this,
            [this] { openEditor(int(JobEditor::Mode::Duplicate)); });
    m_actions.pauseResume = make(QStringLiteral("pause"), QString(), tr("&Pause"),
                                 QKeySequence(Qt::CTRL | Qt::Key_P), &JobsView::pauseOrResume);
    m_actions.runNow = make(QStringLiteral("run"), QString(), tr("&Run Now"),
                            QKeySequence(Qt::CTRL | Qt::Key_R), &JobsView::runNow);
    m_actions.remove = make(QStringLiteral("delete"), QStringLiteral("edit-delete"), tr("&Delete…"),
                            QKeySequence::Delete, &JobsView::removeJob);
    m_actions.refresh =
        new QAction(Display::icon(QStringLiteral("refresh"), QStringLiteral("view-refresh")),
                    tr("Re&fresh"), this);
    m_actions.refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_actions.refresh, &QAction::triggered, m_model, &JobsModel::reload);
    m_actions.watch = make(QStringLiteral("watch"), QString(), tr("&Notify Me When It Fails"),
                           QKeySequence(), &JobsView::toggleWatch);
    m_actions.watch->setCheckable(true);
    for (QAction *action :
         {m_actions.create, m_actions.edit, m_actions.duplicate, m_actions.pauseResume,
          m_actions.runNow, m_actions.remove, m_actions.refresh, m_actions.watch}) {
        addAction(action);
    }
}

std::optional<JobRecord> JobsView::selectedJob() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return m_model->jobById(current.data(JobsModel::JobIdRole).toLongLong());
}

void JobsView::selectJob(qint64 id)
{
    const int sourceRow = m_model->rowOfJob(id);
    if (sourceRow < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) { // hidden by the filter
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void JobsView::openJob(qint64 id)
{
    selectJob(id);
    if (!selectedJob())
        return;
    openEditor(m_actions.edit->isEnabled() ? int(JobEditor::Mode::Edit)
                                           : int(JobEditor::Mode::View));
}

void JobsView::setWatchedJobs(const QList<qint64> &ids)
{
    m_watched = ids;
    updateActions();
}

QByteArray JobsView::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void JobsView::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}

void JobsView::updateActions()
{
    const std::optional<JobRecord> job = selectedJob();
    const bool online = m_client->isConnected();
    const StoreRole role = m_client->role();
    const QString offlineReason = tr("Not connected to the database.");
    const QString noJobReason = tr("Select a job first.");

    auto apply = [&](QAction *action, JobAction what, bool needsJob, const QString &help) {
        const Permission permission = permissionFor(role, what);
        QString why;
        if (!online)
            why = offlineReason;
        else if (!permission.allowed)
            why = permission.reason;
        else if (needsJob && !job)
            why = noJobReason;
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? help : help + QLatin1Char('\n') + why);
        action->setStatusTip(why.isEmpty() ? help : why);
    };
    apply(m_actions.create, JobAction::Create, false, tr("Create a new job"));
    apply(m_actions.edit, JobAction::Edit, true, tr("Change the selected job"));
    apply(m_actions.duplicate, JobAction::Duplicate, true,
          tr("Create a new job from a copy of the selected one"));
    const bool paused = job && !job->spec.enabled;
    m_actions.pauseResume->setText(paused ? tr("Res&ume") : tr("&Pause"));
    m_actions.pauseResume->setIcon(
        Display::icon(paused ? QStringLiteral("resume") : QStringLiteral("pause")));
    apply(m_actions.pauseResume, JobAction::PauseResume, true,
          paused ? tr("Let the selected job run on its schedule again")
                 : tr("Stop the selected job from running on its schedule"));
    apply(m_actions.runNow, JobAction::RunNow, true,
          tr("Start the selected job now, outside its schedule"));
    apply(m_actions.remove, JobAction::Delete, true,
          tr("Delete the selected job (its run history stays)"));
    m_actions.refresh->setEnabled(online);
    m_actions.refresh->setToolTip(online ? tr("Load all jobs again") : offlineReason);
    m_actions.watch->setEnabled(bool(job));
    m_actions.watch->setChecked(job && m_watched.contains(job->id));
    m_actions.watch->setToolTip(tr("Show a desktop notification when this job fails"));
}

void JobsView::openEditor(int modeValue)
{
    const auto mode = JobEditor::Mode(modeValue);
    JobRecord job;
    if (mode != JobEditor::Mode::Create) {
        const std::optional<JobRecord> selected = selectedJob();
        if (!selected)
            return;
        job = *selected;
    }
    auto *editor = new JobEditor(m_client, mode, job, window());
    editor->setAttribute(Qt::WA_DeleteOnClose);
    // The names are checked as they are typed, from the model (no query per keystroke).
    QList<QPair<qint64, QString>> names;
    for (const JobRecord &other : m_model->jobs())
        names.append({other.id, other.spec.name});
    editor->setOtherJobs(names);
    connect(editor, &JobEditor::saved, this, [this](qint64 id) {
        // The row arrives by NOTIFY; select it once it is there.
        if (m_model->rowOfJob(id) >= 0) {
            selectJob(id);
            return;
        }
        auto *once = new QObject(this);
        connect(m_model, &JobsModel::jobUpdated, once, [this, id, once](qint64 updated) {
            if (updated == id) {
                selectJob(id);
                once->deleteLater();
            }
        });
    });
    editor->show();
}

void JobsView::pauseOrResume()
{
    const std::optional<JobRecord> job = selectedJob();
    if (!job)
        return;
    const qint64 id = job->id;
    const QString name = job->spec.name;
    auto done = [this, name](bool pausing) {
        return [this, name, pausing](Result<bool> r) {
            if (!r) {
                showFailure(pausing ? tr("Pausing \"%1\" failed.").arg(name)
                                    : tr("Resuming \"%1\" failed.").arg(name),
                            r.error());
            }
        };
    };
    if (job->spec.enabled)
        m_client->pauseJob(this, id, done(true));
    else
        m_client->resumeJob(this, id, done(false));
}

void JobsView::runNow()
{
    const std::optional<JobRecord> job = selectedJob();
    if (!job)
        return;
    const qint64 id = job->id;
    const QString name = job->spec.name;
    m_client->runNow(this, id, [this, id, name](Result<qint64> run) {
        if (!run) {
            showFailure(tr("\"%1\" could not be started.").arg(name), run.error());
            return;
        }
        emit runQueued(id, name, *run);
    });
}

void JobsView::removeJob()
{
    const std::optional<JobRecord> job = selectedJob();
    if (!job)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete Job"),
                    tr("Delete the job \"%1\"?").arg(job->spec.name), QMessageBox::Cancel, this);
    box.setInformativeText(tr("It will not run again. Its run history stays readable. A run "
                              "in progress finishes and is recorded."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    const QString name = job->spec.name;
    m_client->deleteJob(this, job->id, job->version, [this, name](Result<Done> r) {
        if (!r)
            showFailure(tr("Deleting \"%1\" failed.").arg(name), r.error());
    });
}

void JobsView::toggleWatch()
{
    const std::optional<JobRecord> job = selectedJob();
    if (!job)
        return;
    if (m_watched.contains(job->id))
        m_watched.removeAll(job->id);
    else
        m_watched.append(job->id);
    updateActions();
    emit watchedJobsChanged();
}

void JobsView::showFailure(const QString &what, const Error &error)
{
    //: %1 what failed, %2 the database's reason
    m_messages->showMessage(MessageBar::Type::Error, tr("%1 %2").arg(what, error.message));
}

bool JobsView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_filter && key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        if (watched == m_filter && key->key() == Qt::Key_Down) {
            m_table->setFocus();
            if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
                m_table->selectRow(0);
            return true;
        }
        if (watched == m_table && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            openEditor(m_actions.edit->isEnabled() ? int(JobEditor::Mode::Edit)
                                                   : int(JobEditor::Mode::View));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cronhelm
