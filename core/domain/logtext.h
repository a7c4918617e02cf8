#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace Cronhelm {

// Job output is stored as text (run_logs.data), yet a job may print any bytes: NUL (which
// libpq cannot carry in a text array, so a batch holding one used to be dropped whole) and
// bytes that are not UTF-8. Every byte is kept, reversibly: valid UTF-8 passes as the
// characters it encodes, and every other byte b (NUL, invalid or cut sequences, and the
// bytes of characters U+F700..U+F7FF themselves, so that the mapping stays one-to-one)
// becomes the private-use character U+F700 + b. Readers undo it: `runs log` writes the
// original bytes, the desktop app shows such bytes as visible "\xNN" escapes.
namespace LogText {

constexpr char16_t escapeBase = 0xF700;

// The bytes a stored text stands for.
QByteArray toBytes(QStringView text);
// For display: escaped bytes as "\x00", "\xff"; everything else as is.
QString toDisplay(QStringView text);

} // namespace LogText

// Turns a stream of bytes into log text piece by piece: a character split across two
// pieces is completed by the next one.
class LogTextEncoder
{
public:
    QString encode(QByteArrayView bytes);
    // The end of the stream: an incomplete character left over is kept as escaped bytes.
    QString finish();

private:
    QByteArray m_partial; // the start of a character whose remaining bytes have not come
};

} // namespace Cronhelm
