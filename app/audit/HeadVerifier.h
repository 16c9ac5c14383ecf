// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace keyward {

struct HeadVerification
{
    bool ok = false;
    // RFC 7638 thumbprint (base64url SHA-256) of the JWK the head came with; empty when the JWK
    // is not a usable EC P-256 key. What a profile pins on first sight, to notice a key change.
    QString thumbprint;
    bool pinMismatch = false; // signed correctly, but by another key than the pinned one
    QString reason;           // why not, one sentence; empty when ok
};

// Checks the signed head of the audit chain exactly as keyward-server makes it
// (ServerSecrets::signJws): a compact JWS, header alg exactly ES256 (no "none", no HMAC with the
// public key as secret), a 64-byte raw R‖S ECDSA P-256 signature over SHA-256 of
// "header.payload", verified with OpenSSL against the JWK that came with the head, and a payload
// whose hash, id, seq and signed_at are the head's own.
//
// The JWK arrives from the same server, so a signature alone proves the head was not altered on
// the way, not who the server is: the thumbprint, pinned per profile by the UI, closes that gap.
class HeadVerifier
{
    Q_DECLARE_TR_FUNCTIONS(HeadVerifier)

public:
    static HeadVerification verify(const AuditHead &head, const QString &pinnedThumbprint = {});

    // RFC 7638 over {crv, kty, x, y}; empty for anything but a well-formed EC P-256 public JWK.
    static QString thumbprint(const QJsonObject &jwk);
    // The JWS part on its own: header and payload are set when the signature holds.
    static bool verifyEs256(const QByteArray &compactJws, const QJsonObject &jwk, QJsonObject *header,
                            QJsonObject *payload, QString *why);
};

} // namespace keyward
