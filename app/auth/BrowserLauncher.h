// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>

#include <functional>

namespace keyward {

// Opens the sign-in page. When the environment variable KEYWARD_BROWSER names a command, that
// command runs with the URL as its last argument (headless set-ups, tests, a browser other than
// the default); otherwise `systemOpen` (QDesktopServices::openUrl in the app) does.
class BrowserLauncher
{
public:
    using Opener = std::function<bool(const QUrl &)>;

    explicit BrowserLauncher(Opener systemOpen = {}) : m_systemOpen(std::move(systemOpen)) { }
    bool open(const QUrl &url) const;
    // The command from KEYWARD_BROWSER, split like a shell would; empty when unset.
    static QStringList environmentCommand();

private:
    Opener m_systemOpen;
};

} // namespace keyward
