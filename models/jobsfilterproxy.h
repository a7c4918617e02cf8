#pragma once

#include <QSortFilterProxyModel>

namespace Cronhelm {

// The jobs table's sorting (by JobsModel::SortRole) and filter box: every word typed must
// appear in the job's name, owner, description or schedule text, in any order. "Failing
// only" keeps the jobs whose last run was a problem; "failing first" puts them on top
// whatever the sort column and order.
class JobsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JobsFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }
    void setFailingOnly(bool only);
    bool failingOnly() const { return m_failingOnly; }
    void setFailingFirst(bool first);
    bool failingFirst() const { return m_failingFirst; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    bool m_failingOnly = false;
    bool m_failingFirst = false;
};

} // namespace Cronhelm
