// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI and keychain suites need the private D-Bus session with an unlocked GNOME Keyring that
// CTest starts for them (tests/support/keyring-session.sh, KEYRING in keyward_add_app_test). Run
// by hand outside it, they skip instead of failing on a keychain that is not there.
#pragma once

#include <QString>
#include <QTest>

inline bool inUnlockedKeyringSession()
{
    return qEnvironmentVariable("KEYWARD_KEYRING_MODE") == QLatin1String("unlocked");
}

// In a test function: skip it outside the unlocked keyring session.
#define KEYWARD_REQUIRE_UNLOCKED_KEYRING()                                                                   \
    do {                                                                                                     \
        if (!inUnlockedKeyringSession())                                                                     \
            QSKIP("needs the unlocked keyring session that CTest sets up");                                  \
    } while (false)
