// cronhelm-demo-endpoint: the HTTP endpoint the local demo stack's sample jobs call
// (scripts/local-stack.sh). Listens on 127.0.0.1 only. Routes: see demoroutes.h.

#include "demoroutes.h"
#include "notificationlog.h"

#include <http/httpserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QStringBuilder>

#include <cstdio>

using namespace Cronhelm;

namespace {

void printLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// The port kept in `path` by an earlier run, or 0.
quint16 readPortFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    return file.readAll().trimmed().toUShort();
}

bool writePortFile(const QString &path, quint16 port)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(port) + '\n') > 0
        && file.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cronhelm-demo-endpoint"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRONHELM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A small HTTP endpoint on 127.0.0.1 for the Cronhelm demo: GET /health, GET /report "
        "(sometimes slow), POST /notify and /slack (notifications, appended to a file). "
        "A development tool; not part of the packages."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (default: the one in "
                                                       "--port-file, else any free port)."),
                                        QStringLiteral("port"));
    const QCommandLineOption portFileOption(
        QStringLiteral("port-file"),
        QStringLiteral("Keeps the port across restarts: read it from this file when it exists, "
                       "write the port listened on to it."),
        QStringLiteral("path"));
    const QCommandLineOption notificationsOption(
        QStringLiteral("notifications"),
        QStringLiteral("Append received notifications to this file (default: standard output)."),
        QStringLiteral("path"));
    parser.addOptions({portOption, portFileOption, notificationsOption});
    parser.process(app);

    const QString portFile = parser.value(portFileOption);
    quint16 port = portFile.isEmpty() ? 0 : readPortFile(portFile);
    if (parser.isSet(portOption)) {
        bool ok = false;
        port = parser.value(portOption).toUShort(&ok);
        if (!ok) {
            printLine(stderr,
                      QStringLiteral("cronhelm-demo-endpoint: invalid port: ")
                          % parser.value(portOption));
            return 2;
        }
    }

    DemoRoutes routes(NotificationLog(parser.value(notificationsOption)));
    HttpServer server([&routes](const HttpRequest &request) {
        const HttpResponse response = routes.answer(request);
        printLine(stdout,
                  request.receivedAt.toString(Qt::ISODateWithMs) % u' '
                      % QString::fromLatin1(request.method) % u' '
                      % QString::fromLatin1(request.target) % u' '
                      % QString::number(response.status) % QStringLiteral(" (client port ")
                      % QString::number(request.peerPort) % u')');
        return response;
    });
    if (!server.listen(QHostAddress::LocalHost, port)) {
        printLine(stderr,
                  QStringLiteral("cronhelm-demo-endpoint: cannot listen on 127.0.0.1:%1: %2")
                      .arg(port)
                      .arg(server.errorString()));
        return 1;
    }
    if (!portFile.isEmpty() && !writePortFile(portFile, server.port())) {
        printLine(stderr, QStringLiteral("cronhelm-demo-endpoint: cannot write ") % portFile);
        return 1;
    }
    printLine(stdout,
              QStringLiteral("cronhelm-demo-endpoint listening on http://127.0.0.1:%1")
                  .arg(server.port()));
    return QCoreApplication::exec();
}
