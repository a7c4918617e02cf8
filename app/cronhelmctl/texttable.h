#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Cronhelm {

// A plain-text table for terminals: a header row and left-aligned columns separated by
// two spaces. Line breaks and tabs inside cells are shown as spaces so a row stays a line.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    QString render() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// "label: value" lines with the values aligned, for `show` commands. A value that spans
// several lines continues indented under its first line, so the text stays exact.
class KeyValueList
{
public:
    void add(const QString &label, const QString &value);
    QString render() const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace Cronhelm
