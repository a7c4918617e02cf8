#pragma once

// Internal to the store layer: typed access to libpqxx result fields.

#include "storeconnection.h"

#include <pqxx/pqxx>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace Cronhelm::Rows {

inline QString text(const pqxx::row &row, const char *column)
{
    const pqxx::field f = row[column];
    return f.is_null() ? QString() : QString::fromUtf8(f.c_str(), int(f.size()));
}

inline QDateTime instant(const pqxx::row &row, const char *column)
{
    const pqxx::field f = row[column];
    return f.is_null() ? QDateTime() : parsePgTimestamp(f.c_str());
}

template<typename T>
std::optional<T> optional(const pqxx::row &row, const char *column)
{
    const pqxx::field f = row[column];
    if (f.is_null())
        return std::nullopt;
    return f.as<T>();
}

template<typename T>
T value(const pqxx::row &row, const char *column, T fallback = T())
{
    const pqxx::field f = row[column];
    return f.is_null() ? fallback : f.as<T>();
}

inline QJsonObject object(const pqxx::row &row, const char *column)
{
    const pqxx::field f = row[column];
    return f.is_null() ? QJsonObject() : QJsonDocument::fromJson(QByteArray(f.c_str())).object();
}

inline QJsonArray array(const pqxx::row &row, const char *column)
{
    const pqxx::field f = row[column];
    return f.is_null() ? QJsonArray() : QJsonDocument::fromJson(QByteArray(f.c_str())).array();
}

inline std::string json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace Cronhelm::Rows

namespace Cronhelm {
struct JobRecord;
// A job from a row with the job_overview columns (see jobstore.cpp).
JobRecord jobFromRow(const pqxx::row &row);
struct RunRecord;
// The run_history columns every run query selects, and a run from such a row (runstore.cpp).
extern const char *const runHistoryColumns;
RunRecord runFromRow(const pqxx::row &row);
} // namespace Cronhelm
