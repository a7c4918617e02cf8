#include "historyquery.h"

#include "rowreader_p.h"

namespace Cronhelm {

namespace {

// A PostgreSQL text[] literal: every element double-quoted with \ and " escaped.
std::string textArray(const QStringList &items)
{
    std::string out = "{";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        for (char c : items.at(i).toStdString()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + '}';
}

template<typename Enum>
std::string wireArray(const QList<Enum> &values)
{
    QStringList names;
    for (Enum value : values)
        names.append(wireName(value));
    return textArray(names);
}

// The SQL expression each order sorts by; the same expressions as the indexes of
// migration 0002, so the planner walks an index instead of sorting.
const char *sortExpression(HistorySortKey key)
{
    switch (key) {
    case HistorySortKey::RunId:
        return "run_id";
    case HistorySortKey::ScheduledFor:
        return "scheduled_for";
    case HistorySortKey::Status:
        return "status";
    case HistorySortKey::Duration:
        return "coalesce(duration_ms, -1)";
    }
    return "run_id";
}

const char *sortCast(HistorySortKey key)
{
    switch (key) {
    case HistorySortKey::RunId:
    case HistorySortKey::Duration:
        return "bigint";
    case HistorySortKey::ScheduledFor:
        return "timestamptz";
    case HistorySortKey::Status:
        return "text";
    }
    return "text";
}

// Conditions with bind parameters; only active filters add a condition.
struct Where
{
    std::string sql = " WHERE true";
    std::vector<std::string> params;

    std::string next(const std::string &value)
    {
        params.push_back(value);
        return "$" + std::to_string(params.size());
    }
};

Where whereFor(const RunFilter &f)
{
    Where w;
    if (f.jobId)
        w.sql += " AND job_id = " + w.next(std::to_string(*f.jobId)) + "::bigint";
    if (!f.jobName.isEmpty())
        w.sql += " AND job = " + w.next(f.jobName.toStdString());
    if (!f.statuses.isEmpty())
        w.sql += " AND status = ANY (" + w.next(wireArray(f.statuses)) + "::text[])";
    if (!f.triggers.isEmpty())
        w.sql += " AND trigger = ANY (" + w.next(wireArray(f.triggers)) + "::text[])";
    if (f.since.isValid())
        w.sql += " AND scheduled_for >= " + w.next(toPgTimestamp(f.since)) + "::timestamptz";
    if (f.until.isValid())
        w.sql += " AND scheduled_for < " + w.next(toPgTimestamp(f.until)) + "::timestamptz";
    return w;
}

} // namespace

HistoryQuery::HistoryQuery(StoreConnection &connection)
    : m_connection(connection)
{}

Result<HistoryPage> HistoryQuery::page(const RunFilter &filter, const HistorySort &sort, int limit,
                                       const std::optional<HistoryCursor> &after)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        Where w = whereFor(filter);
        const std::string key = sortExpression(sort.key);
        const char *direction = sort.descending ? " DESC" : " ASC";
        if (after) {
            w.sql += std::string(" AND (") + key + ", run_id) " + (sort.descending ? "<" : ">")
                + " (" + w.next(after->key) + "::" + sortCast(sort.key) + ", "
                + w.next(std::to_string(after->runId)) + "::bigint)";
        }
        std::string query = std::string("SELECT ") + runHistoryColumns + ", (" + key
            + ")::text AS sort_key FROM cronhelm.run_history" + w.sql + " ORDER BY " + key
            + direction + ", run_id" + direction + " LIMIT "
            + w.next(std::to_string(std::max(limit, 1))) + "::integer";
        const pqxx::result r = tx.exec_params(query, pqxx::prepare::make_dynamic_params(w.params));
        HistoryPage page;
        page.runs.reserve(int(r.size()));
        for (const pqxx::row &row : r)
            page.runs.append(runFromRow(row));
        if (!r.empty() && int(r.size()) >= limit) {
            const pqxx::row last = r[int(r.size()) - 1];
            page.next = HistoryCursor{last["sort_key"].c_str(), page.runs.constLast().id};
        }
        return page;
    });
}

Result<QList<RunRecord>> HistoryQuery::byIds(const QList<qint64> &runIds)
{
    QStringList ids;
    for (qint64 id : runIds)
        ids.append(QString::number(id));
    const std::string array = "{" + ids.join(QLatin1Char(',')).toStdString() + "}";
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const pqxx::result r =
            tx.exec_params(std::string("SELECT ") + runHistoryColumns
                               + " FROM cronhelm.run_history WHERE run_id = ANY ($1::bigint[])",
                           array);
        QList<RunRecord> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r)
            out.append(runFromRow(row));
        return out;
    });
}

bool HistoryQuery::matches(const RunFilter &f, const RunRecord &run)
{
    if (f.jobId && *f.jobId != run.jobId)
        return false;
    if (!f.jobName.isEmpty() && f.jobName != run.job)
        return false;
    if (!f.statuses.isEmpty() && !f.statuses.contains(run.status))
        return false;
    if (!f.triggers.isEmpty() && !f.triggers.contains(run.trigger))
        return false;
    if (f.since.isValid() && run.scheduledFor < f.since)
        return false;
    if (f.until.isValid() && !(run.scheduledFor < f.until))
        return false;
    return true;
}

} // namespace Cronhelm
