#include "clusterview.h"

#include "columnsizer.h"

#include <clustermodel.h>
#include <displayformat.h>

#include <QApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Cronhelm {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// The Load column: a bar of the node's busy share, with "busy / capacity" on it.
class LoadBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = int(index.data(ClusterModel::LoadRole).toDouble() * 1000);
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

} // namespace

ClusterView::ClusterView(ClusterModel *cluster, QWidget *parent)
    : QWidget(parent)
    , m_cluster(cluster)
    , m_leadership(new LeadershipModel(cluster, this))
    , m_executor(new QLabel(this))
    , m_since(new QLabel(this))
    , m_lease(new QLabel(this))
    , m_stale(new QLabel(this))
    , m_nodes(makeTable(cluster, this))
    , m_changes(makeTable(m_leadership, this))
    , m_countdown(new QTimer(this))
{
    m_nodes->setObjectName(QStringLiteral("nodesTable"));
    m_changes->setObjectName(QStringLiteral("leadershipTable"));
    m_executor->setObjectName(QStringLiteral("clusterExecutor"));
    m_lease->setObjectName(QStringLiteral("clusterLease"));
    QFont big = m_executor->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_executor->setFont(big);
    for (QLabel *label : {m_executor, m_since, m_lease})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *leaseBox = new QGroupBox(tr("Executor"), this);
    auto *form = new QFormLayout(leaseBox);
    form->addRow(m_executor);
    form->addRow(tr("Holds the lease since:"), m_since);
    form->addRow(tr("Lease:"), m_lease);

    new ColumnSizer(m_nodes,
                    {{ClusterModel::Node, 9},
                     {ClusterModel::Role, 8},
                     {ClusterModel::Heartbeat, 7},
                     {ClusterModel::RunningJobs, 6},
                     {ClusterModel::Host, 5},
                     {ClusterModel::Started, 4},
                     {ClusterModel::Version, 3},
                     {ClusterModel::Labels, 5},
                     {ClusterModel::Load, 6}},
                    ClusterModel::Host);
    new ColumnSizer(m_changes,
                    {{LeadershipModel::Term, 9},
                     {LeadershipModel::Holder, 8},
                     {LeadershipModel::Reason, 7},
                     {LeadershipModel::Acquired, 6},
                     {LeadershipModel::Previous, 5},
                     {LeadershipModel::Ended, 4}},
                    LeadershipModel::Reason);
    m_nodes->setItemDelegateForColumn(ClusterModel::Load, new LoadBarDelegate(m_nodes));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stale->setObjectName(QStringLiteral("clusterStale"));
    m_stale->setWordWrap(true);
    m_stale->hide();
    layout->addWidget(m_stale);
    layout->addWidget(leaseBox);
    layout->addWidget(new QLabel(tr("<b>Scheduler nodes</b>"), this));
    layout->addWidget(m_nodes, 2);
    layout->addWidget(new QLabel(tr("<b>Recent changes of executor</b>"), this));
    layout->addWidget(m_changes, 1);

    m_countdown->setInterval(200);
    connect(m_countdown, &QTimer::timeout, this, &ClusterView::updateLease);
    connect(cluster, &ClusterModel::statusChanged, this, &ClusterView::updateLease);
    connect(cluster, &ClusterModel::statusChanged, m_stale, &QWidget::hide);
    // A failed refresh leaves the last known picture on screen: say so, and since when,
    // rather than let it look current.
    connect(cluster, &ClusterModel::refreshFailed, this, [this](const QString &message) {
        const QString asOf = m_cluster->hasStatus()
            ? QLocale().toString(m_cluster->lastRefreshed().toLocalTime().time(),
                                 QLocale::LongFormat)
            : QString();
        m_stale->setText(asOf.isEmpty()
                             ? tr("⚠ The cluster could not be read: %1").arg(message)
                             //: %1 a time of day, %2 the reason
                             : tr("⚠ This is the cluster as of %1; it could not be refreshed: %2")
                                   .arg(asOf, message));
        m_stale->show();
    });
    updateLease();
}

QString ClusterView::staleText() const
{
    return m_stale->isHidden() ? QString() : m_stale->text();
}

QString ClusterView::executorText() const
{
    return m_executor->text();
}

QString ClusterView::leaseText() const
{
    return m_lease->text();
}

void ClusterView::showEvent(QShowEvent *event)
{
    m_cluster->setPollInterval(2000);
    m_cluster->refresh();
    m_countdown->start();
    QWidget::showEvent(event);
}

void ClusterView::hideEvent(QHideEvent *event)
{
    m_cluster->setPollInterval(5000);
    m_countdown->stop();
    QWidget::hideEvent(event);
}

void ClusterView::updateLease()
{
    if (!m_cluster->hasStatus()) {
        m_executor->setText(tr("Not known yet"));
        m_since->clear();
        m_lease->clear();
        return;
    }
    const LeaseRecord lease = m_cluster->lease();
    if (lease.executor.isEmpty()) {
        m_executor->setText(tr("No executor: scheduled jobs are not running."));
        m_since->setText(lease.lastHolder.isEmpty()
                             ? tr("No node has held the lease yet.")
                             : tr("The last executor was %1 (term %2).")
                                   .arg(lease.lastHolder, QString::number(lease.term)));
        m_lease->setText(tr("A standby node takes over as soon as it sees the lease free."));
        return;
    }
    m_executor->setText(tr("%1 — term %2").arg(lease.executor, QString::number(lease.term)));
    const QDateTime now = m_cluster->databaseNow();
    m_since->setText(
        tr("%1 (%2)").arg(Display::dateTime(lease.acquiredAt, Display::viewerZone(), true),
                          formatDuration(lease.acquiredAt.msecsTo(now))));
    const std::optional<qint64> left = m_cluster->leaseRemainingMs();
    if (left && *left >= 0) {
        m_lease->setText(
            tr("expires in %1 unless renewed (last renewed %2 ago)")
                .arg(formatDuration(*left), formatDuration(lease.renewedAt.msecsTo(now))));
    } else if (left) {
        m_lease->setText(
            tr("expired %1 ago: a standby should take over now").arg(formatDuration(-*left)));
    }
}

} // namespace Cronhelm
