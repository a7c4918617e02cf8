#pragma once

#include <QSortFilterProxyModel>

namespace Cronhelm {

// The jobs table's sorting (by JobsModel::SortRole) and filter box: every word typed must
// appear in the job's name, owner, description or schedule text, in any order.
class JobsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JobsFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace Cronhelm
