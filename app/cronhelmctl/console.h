#pragma once

#include <result.h>

#include <QString>

namespace Cronhelm::Console {

// All output is UTF-8, whatever the locale: names with quotes and emoji must round-trip
// through scripts byte for byte.
void out(const QString &text);
void outLine(const QString &line);
// Bytes that are already UTF-8 (JSON documents).
void outBytes(const QByteArray &bytes);
// Prints "cronhelmctl: <message>" on stderr.
void error(const QString &message);
// Prints a warning or progress note on stderr, without the prefix.
void note(const QString &text);
void flush();

// Prints the error and returns the exit code for its kind.
int fail(const Error &error);

} // namespace Cronhelm::Console
