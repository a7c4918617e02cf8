// cronhelm: the desktop app. Everything it shows lives in the ui and models libraries.

#include <mainwindow.h>
#include <startup.h>
#include <storeclient.h>

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Cronhelm"));
    QApplication::setApplicationName(QStringLiteral("cronhelm"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cronhelm"));
    QApplication::setApplicationVersion(QStringLiteral(CRONHELM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.cronhelm.Cronhelm"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cronhelm.svg")));

    // Translators first: the command line's own messages are translated too.
    QString language;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--lang") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
        else if (qstrncmp(argv[i], "--lang=", 7) == 0)
            language = QString::fromLocal8Bit(argv[i] + 7);
    }
    if (!Cronhelm::installTranslations(app, language)) {
        std::fprintf(stderr, "cronhelm: no translation for \"%s\"; using English.\n",
                     qPrintable(language));
    }

    const Cronhelm::ParsedCommandLine command = Cronhelm::parseCommandLine(app.arguments());
    if (!command.options) {
        std::fputs(qPrintable(command.output), command.exitCode ? stderr : stdout);
        return command.exitCode;
    }
    return Cronhelm::runDesktopApp(app, *command.options);
}
