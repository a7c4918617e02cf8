#include "startup.h"

#include "mainwindow.h"

#include <connectionprofiles.h>
#include <local/localstack.h>
#include <storeclient.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace Cronhelm {

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cronhelm::Startup", "Cronhelm: see and run your team's scheduled jobs."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QCoreApplication::translate("Cronhelm::Startup",
                                    "Connect to the database described by this libpq connection "
                                    "string or URI."),
        QStringLiteral("CONNINFO"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("Cronhelm::Startup",
                                    "Connect with a saved connection profile."),
        QStringLiteral("NAME"));
    const QCommandLineOption local(
        QStringLiteral("local"),
        QCoreApplication::translate("Cronhelm::Startup",
                                    "Start a private store and scheduler on this computer."));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("Cronhelm::Startup",
                                    "Show the application in this language (e.g. de, fr)."),
        QStringLiteral("CODE"));
    parser.addOptions({db, profile, local, lang});

    ParsedCommandLine out;
    if (!parser.parse(arguments)) {
        out.exitCode = 2;
        out.output = parser.errorText() + QLatin1Char('\n');
        return out;
    }
    // --help-all (added by addHelpOption) lists Qt's own options only through showHelp(),
    // which exits the process; it prints the same help as --help.
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        out.output = parser.helpText();
        return out;
    }
    if (parser.isSet(version)) {
        out.output = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return out;
    }
    const int sources =
        int(parser.isSet(db)) + int(parser.isSet(profile)) + int(parser.isSet(local));
    if (sources > 1) {
        out.exitCode = 2;
        out.output = QCoreApplication::translate("Cronhelm::Startup",
                                                 "Use only one of --db, --profile and --local.\n");
        return out;
    }
    if (!parser.positionalArguments().isEmpty()) {
        out.exitCode = 2;
        out.output = QCoreApplication::translate("Cronhelm::Startup", "Unexpected argument: %1\n")
                         .arg(parser.positionalArguments().constFirst());
        return out;
    }
    StartupOptions options;
    options.conninfo = parser.value(db);
    options.profile = parser.value(profile);
    options.local = parser.isSet(local);
    options.language = parser.value(lang);
    out.options = options;
    return out;
}

bool installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // English plural forms ("1 run", "2 runs") underneath every language, so a language
    // without a translation (or the C locale) still reads well.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/cronhelm_en.qm")))
        QCoreApplication::installTranslator(plurals);
    auto *own = new QTranslator(&app);
    const bool found = own->load(locale, QStringLiteral("cronhelm"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(own);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    return found || language.isEmpty() || english;
}

int runDesktopApp(QApplication &app, const StartupOptions &options)
{
    if (!options.profile.isEmpty() && !ConnectionProfiles::load(options.profile)) {
        std::fputs(qPrintable(QCoreApplication::translate(
                                  "Cronhelm::Startup",
                                  "cronhelm: there is no saved connection named \"%1\". Saved "
                                  "connections: %2\n")
                                  .arg(options.profile,
                                       ConnectionProfiles::names().join(QLatin1String(", ")))),
                   stderr);
        return 2;
    }
    StoreClient client;
    LocalStack local;
    MainWindow window(&client);
    window.setLocalStack(&local);
    window.show();
    if (options.local)
        window.connectToLocalStore();
    else if (!options.conninfo.isEmpty())
        client.connectTo(options.conninfo);
    else if (!options.profile.isEmpty())
        window.showConnectionDialog(options.profile, true);
    else if (ConnectionProfiles::lastUsedLocal())
        window.connectToLocalStore();
    else
        window.showConnectionDialog(ConnectionProfiles::lastUsed());
    const int exitCode = app.exec();
    stopLocalStore(client, local);
    return exitCode;
}

void stopLocalStore(StoreClient &client, LocalStack &local, int boundMs)
{
    if (!local.isActive())
        return;
    if (client.conninfo() == local.conninfo())
        client.disconnectFromStore();
    QEventLoop loop;
    QObject::connect(&local, &LocalStack::stopped, &loop, &QEventLoop::quit);
    QTimer::singleShot(boundMs, &loop, &QEventLoop::quit);
    local.shutdown();
    if (local.isActive())
        loop.exec();
}

} // namespace Cronhelm
