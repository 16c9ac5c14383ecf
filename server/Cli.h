// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace keyward::server {

// keyward-server's command line: init, key create, serve, --help, --version.
// Returns the process exit code; serve runs the event loop until SIGTERM/SIGINT.
int runCli(const QStringList &arguments);

} // namespace keyward::server
