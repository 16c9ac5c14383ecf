// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenStore.h"

#include <QLoggingCategory>
#include <QPointer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "keyward.keychain", QtInfoMsg)

namespace keyward {

namespace {

TokenStore::Outcome outcomeOf(const QKeychain::Job &job)
{
    TokenStore::Outcome o;
    switch (job.error()) {
    case QKeychain::NoError:
        o.status = TokenStore::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        o.status = TokenStore::Status::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        o.status = TokenStore::Status::Locked;
        o.message = TokenStore::tr("The system keychain is locked or refused access, so Keyward cannot keep you "
                                   "signed in between sessions.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        o.status = TokenStore::Status::Unavailable;
        o.message = TokenStore::tr("No system keychain is available (such as GNOME Keyring or KWallet), so Keyward "
                                   "cannot keep you signed in between sessions.");
        break;
    default:
        // QtKeychain reports a Secret Service that is not there as OtherError with the D-Bus
        // error text; those texts are D-Bus names and messages, not translations.
        if (job.errorString().contains(QLatin1String("org.freedesktop.secrets"))
            || job.errorString().contains(QLatin1String("Could not connect"))
            || job.errorString().contains(QLatin1String("dbus-launch"))) {
            o.status = TokenStore::Status::Unavailable;
            o.message = TokenStore::tr("No system keychain is available (such as GNOME Keyring or KWallet), so "
                                       "Keyward cannot keep you signed in between sessions.");
            break;
        }
        o.status = TokenStore::Status::Failed;
        o.message = TokenStore::tr("The system keychain reported an error: %1").arg(job.errorString());
        break;
    }
    return o;
}

// Jobs have no parent: QtKeychain's libsecret backend keeps a raw pointer to a running job until the
// keychain answers, so a job deleted early (with a parent store) would be used after free, and its
// late answer could even complete the next queued job. A job deletes itself once finished.
template<typename Job>
void run(Job *job, QObject *context, TokenStore::Callback done, const char *what)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file behind the user's back
    QPointer<QObject> ctx(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, ctx, done = std::move(done), what] {
        TokenStore::Outcome o = outcomeOf(*job);
        if constexpr (std::is_same_v<Job, QKeychain::ReadPasswordJob>) {
            if (o.ok())
                o.token = job->binaryData();
        }
        if (!o.ok() && o.status != TokenStore::Status::NotFound)
            qCWarning(lcKeychain).noquote() << what << "failed:" << job->errorString();
        if (ctx && done)
            done(o);
    });
    job->start();
}

} // namespace

TokenStore::TokenStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) { }

QString TokenStore::entryName(const QString &profile)
{
    return QStringLiteral("refresh-token:") + profile;
}

void TokenStore::read(const QString &profile, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryName(profile));
    run(job, context, std::move(done), "reading the refresh token");
}

void TokenStore::write(const QString &profile, const QByteArray &token, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entryName(profile));
    job->setBinaryData(token);
    run(job, context, std::move(done), "storing the refresh token");
}

void TokenStore::remove(const QString &profile, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entryName(profile));
    run(job, context, std::move(done), "removing the refresh token");
}

} // namespace keyward
