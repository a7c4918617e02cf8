#include "spreadsheetcsv.h"

#include "displayformat.h"
#include "modelstr.h"
#include "runhistorymodel.h"

#include <QStringList>

namespace Cronhelm {

SpreadsheetCsv::SpreadsheetCsv(const QTimeZone &zone)
    : m_zone(zone)
{}

QString SpreadsheetCsv::cell(const QString &text)
{
    QString out = text;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!out.isEmpty() && formulaStarts.contains(out.front()))
        out.prepend(QLatin1Char('\''));
    if (out.contains(QLatin1Char(',')) || out.contains(QLatin1Char('"'))
        || out.contains(QLatin1Char('\n')) || out.contains(QLatin1Char('\r'))) {
        out.replace(QLatin1Char('"'), QLatin1String("\"\""));
        out = QLatin1Char('"') + out + QLatin1Char('"');
    }
    return out;
}

QString SpreadsheetCsv::time(const QDateTime &instant) const
{
    // ISO order without the "T": LibreOffice and Excel read it as a date and time.
    return instant.isValid()
        ? instant.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : QString();
}

QByteArray SpreadsheetCsv::header() const
{
    const QString zone = Display::zoneName(QString::fromUtf8(m_zone.id()));
    QStringList titles;
    for (int column = 0; column < RunHistoryModel::ColumnCount; ++column) {
        QString title = RunHistoryModel::columnTitle(column);
        if (column == RunHistoryModel::Scheduled || column == RunHistoryModel::Started) {
            //: a column title of the spreadsheet export and its time zone: "Started
            //: (Europe/Berlin)"
            title = ModelsTr::tr("%1 (%2)").arg(title, zone);
        }
        titles.append(cell(title));
    }
    return titles.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray SpreadsheetCsv::row(const RunRecord &run) const
{
    QStringList cells;
    for (int column = 0; column < RunHistoryModel::ColumnCount; ++column) {
        QString text;
        if (column == RunHistoryModel::Scheduled)
            text = time(run.scheduledFor);
        else if (column == RunHistoryModel::Started)
            text = time(run.startedAt);
        else
            text = RunHistoryModel::display(run, column).toString();
        cells.append(cell(text));
    }
    return cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace Cronhelm
