#include "console.h"

#include "exitcodes.h"

#include <cstdio>

namespace Cronhelm::Console {

namespace {

void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

} // namespace

void out(const QString &text)
{
    write(stdout, text);
}

void outLine(const QString &line)
{
    write(stdout, line + QLatin1Char('\n'));
}

void outBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void error(const QString &message)
{
    // stdout and stderr may be the same terminal: keep them in order.
    std::fflush(stdout);
    write(stderr, QStringLiteral("cronhelmctl: ") + message + QLatin1Char('\n'));
    std::fflush(stderr);
}

void note(const QString &text)
{
    std::fflush(stdout);
    write(stderr, text + QLatin1Char('\n'));
    std::fflush(stderr);
}

void flush()
{
    std::fflush(stdout);
}

int fail(const Error &e)
{
    error(e.message);
    return exitCodeFor(e.kind);
}

} // namespace Cronhelm::Console
