#include "texttable.h"

#include <algorithm>

namespace Cronhelm {

namespace {

QString oneLine(QString cell)
{
    for (QChar &c : cell) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    return cell;
}

} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    for (QString &cell : cells)
        cell = oneLine(cell);
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(cells);
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    // An explicit QString result: with QT_USE_QSTRINGBUILDER an auto return type would be a
    // builder referring to the lambda's local variable.
    auto renderRow = [&widths](const QStringList &cells) -> QString {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const bool last = i + 1 == widths.size();
            line += last ? cells.at(i) : cells.at(i).leftJustified(widths[i] + 2);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line + QLatin1Char('\n');
    };
    QString text = renderRow(m_headers);
    for (const QStringList &row : m_rows)
        text += renderRow(row);
    return text;
}

void KeyValueList::add(const QString &label, const QString &value)
{
    m_items.append({label, value});
}

QString KeyValueList::render() const
{
    qsizetype width = 0;
    for (const auto &[label, value] : m_items)
        width = std::max(width, label.size() + 1);
    QString text;
    const QString indent(width + 1, QLatin1Char(' '));
    for (const auto &[label, value] : m_items) {
        QString shown = value;
        shown.replace(QLatin1Char('\n'), QLatin1Char('\n') + indent);
        // Values are printed exactly (a name may end with a space); only an empty value
        // leaves no padding behind.
        if (shown.isEmpty())
            text += label + QLatin1Char(':');
        else
            text += QString(label + QLatin1Char(':')).leftJustified(width + 1) + shown;
        text += QLatin1Char('\n');
    }
    return text;
}

} // namespace Cronhelm
