// cronhelmctl: Cronhelm's command line for scripts, CI and tests (docs/cli.md).

#include "ctlapplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cronhelmctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRONHELM_VERSION));
    return Cronhelm::CtlApplication().run(QCoreApplication::arguments());
}
