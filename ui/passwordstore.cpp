#include "passwordstore.h"

#include <qt6keychain/keychain.h>

namespace Cronhelm {

namespace {

Error keychainError(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorKind::NotFound,
                         PasswordStore::tr("No password is stored for this connection."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return makeError(ErrorKind::Permission,
                         PasswordStore::tr("Access to the system keychain was refused (%1).")
                             .arg(job->errorString()));
    default:
        return makeError(ErrorKind::Other,
                         PasswordStore::tr("The system keychain is not available (%1). Cronhelm "
                                           "does not store passwords anywhere else, so it will "
                                           "ask for the password each session.")
                             .arg(job->errorString()));
    }
}

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{}

QString PasswordStore::serviceName()
{
    return QStringLiteral("Cronhelm");
}

void PasswordStore::read(const QString &key, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(keychainError(j));
        else
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password,
                          std::function<void(Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this,
            [this, done = std::move(done)](QKeychain::Job *j) {
                if (j->error() != QKeychain::NoError) {
                    const Error error = keychainError(j);
                    emit writeFailed(error.message);
                    done(error);
                } else {
                    done(Done{});
                }
            });
    job->start();
}

void PasswordStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace Cronhelm
