#include "jobsfilterproxy.h"

#include "jobsmodel.h"

namespace Cronhelm {

JobsFilterProxy::JobsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobsModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void JobsFilterProxy::setFilterText(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void JobsFilterProxy::setFailingOnly(bool only)
{
    if (only == m_failingOnly)
        return;
    m_failingOnly = only;
    invalidateFilter();
}

void JobsFilterProxy::setFailingFirst(bool first)
{
    if (first == m_failingFirst)
        return;
    m_failingFirst = first;
    invalidate();
}

bool JobsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_failingFirst) {
        const bool leftFailing = left.siblingAtColumn(0).data(JobsModel::FailingRole).toBool();
        const bool rightFailing = right.siblingAtColumn(0).data(JobsModel::FailingRole).toBool();
        if (leftFailing != rightFailing) {
            // The view reverses lessThan for a descending sort; failing stays on top.
            return sortOrder() == Qt::AscendingOrder ? leftFailing : rightFailing;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool JobsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_failingOnly
        && !sourceModel()->index(sourceRow, 0, sourceParent).data(JobsModel::FailingRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack =
        sourceModel()->index(sourceRow, 0, sourceParent).data(JobsModel::FilterRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Cronhelm
