// cronhelm: the desktop app. Everything it shows lives in the ui and models libraries.

#include <mainwindow.h>
#include <startup.h>
#include <storeclient.h>

#include <QApplication>
#include <QIcon>

#ifdef Q_OS_UNIX
#include "signalbridge.h"
#endif

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Cronhelm"));
    QCoreApplication::setApplicationName(QStringLiteral("cronhelm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRONHELM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationNames();

    // Translators first: the command line's own messages are translated too.
    QString language;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--lang") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    for (int i = 1; i < argc; ++i) {
        if (qstrncmp(argv[i], "--lang=", 7) == 0)
            language = QString::fromLocal8Bit(argv[i] + 7);
    }

    // The command line is read before there is a GUI, so --help, --version and a mistyped
    // option work without a display.
    Cronhelm::ParsedCommandLine command;
    {
        QCoreApplication core(argc, argv);
        if (!Cronhelm::installTranslations(core, language)) {
            std::fprintf(stderr, "cronhelm: no translation for \"%s\"; using English.\n",
                         qPrintable(language));
        }
        command = Cronhelm::parseCommandLine(QCoreApplication::arguments());
    }
    if (!command.options) {
        std::fputs(qPrintable(command.output), command.exitCode ? stderr : stdout);
        return command.exitCode;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Cronhelm"));
    QApplication::setDesktopFileName(QStringLiteral("org.cronhelm.Cronhelm"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cronhelm.svg")));
    Cronhelm::installTranslations(app, language);

#ifdef Q_OS_UNIX
    // SIGTERM (logout, systemd, kill) and Ctrl+C close the app the ordinary way, so the local
    // store's node hands its lease over and the server this process started is stopped.
    Cronhelm::SignalBridge signals_;
    QObject::connect(&signals_, &Cronhelm::SignalBridge::terminationRequested, &app, [] {
        QApplication::closeAllWindows();
        QCoreApplication::quit();
    });
#endif
    return Cronhelm::runDesktopApp(app, *command.options);
}
