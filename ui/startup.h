#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QApplication;
class QCoreApplication;

namespace Cronhelm {

class LocalStack;
class StoreClient;

// `cronhelm [--db CONNINFO | --profile NAME | --local] [--lang CODE]`
struct StartupOptions
{
    QString conninfo;   // --db
    QString profile;    // --profile
    bool local = false; // --local
    QString language;   // --lang, e.g. "de", "fr"; empty: the system's
};

struct ParsedCommandLine
{
    std::optional<StartupOptions> options; // empty: exit with exitCode after printing
    int exitCode = 0;
    QString output; // what to print (help, version, or an error)
};

ParsedCommandLine parseCommandLine(const QStringList &arguments);

// Installs the translators for `language` (or the system's language): Cronhelm's own
// (compiled into the executable under :/i18n) and Qt's. Returns false when Cronhelm has no
// translation for an explicitly requested language.
bool installTranslations(QCoreApplication &app, const QString &language);

// Shows the main window, connects as the options say (or asks with the connection
// dialog; or, when the local store was the last choice, starts it again), and runs the event
// loop. On the way out, stops the local store's node and the server this process started.
// Returns the exit code.
int runDesktopApp(QApplication &app, const StartupOptions &options);

// The local store's part of quitting: disconnects the client, stops the embedded node (it
// hands the executor lease over) and then the server, if this process started it. Runs an
// event loop meanwhile (the GUI thread is not blocked), for at most boundMs.
void stopLocalStore(StoreClient &client, LocalStack &local, int boundMs = 30000);

} // namespace Cronhelm
