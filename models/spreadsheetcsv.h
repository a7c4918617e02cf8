#pragma once

#include <domain/records.h>

#include <QByteArray>
#include <QString>
#include <QTimeZone>

namespace Cronhelm {

// The run history as a person opens it in a spreadsheet (LibreOffice, Excel): UTF-8 with a
// byte order mark (so Excel does not read it as Latin-1), the columns titled as on screen
// in the user's language, times in the user's zone (named in the titles) in a form
// spreadsheets read as dates, and no cell a spreadsheet would run as a formula. The CSV for
// programs is RunStore::exportCsv, the CLI's documented contract; this is not.
class SpreadsheetCsv
{
public:
    explicit SpreadsheetCsv(const QTimeZone &zone);

    static QByteArray byteOrderMark() { return QByteArrayLiteral("\xEF\xBB\xBF"); }
    QByteArray header() const;
    QByteArray row(const RunRecord &run) const;

    // One cell, quoted when needed (RFC 4180). Text starting with = + - @ (or a tab or
    // carriage return) is what spreadsheets run as a formula ("=HYPERLINK(...)" in a job's
    // error message): it gets a leading apostrophe, which they show as plain text.
    static QString cell(const QString &text);

private:
    QString time(const QDateTime &instant) const;

    QTimeZone m_zone;
};

} // namespace Cronhelm
