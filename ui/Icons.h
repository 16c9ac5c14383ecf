// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>

namespace keyward {

// Every icon Keyward shows on an action, a button or a page.
enum class IconId {
    NewKey,
    Edit,
    Rotate,
    Revoke,
    Delete,
    Refresh,
    Copy,
    AuditLog, // the audit log page and a key's audit history
    Export,
    Verify,
    Filter,
    KeysPage,
    Overview,
    SignIn,
    SignOut,
    Profiles,
    Help,
    About,
    ShowSecret,
    HideSecret,
    PublishableKey,
};
inline constexpr int IconCount = int(IconId::PublishableKey) + 1;

// The desktop theme's icon where it has one under the freedesktop names below, else the bundled
// one. Bundled icons are monochrome SVGs (:/icons/actions/…) drawn at the size asked for in
// device pixels (crisp at any scale) in the application palette's text colour: dark on a light
// palette, light on a dark one, dimmed when disabled, highlighted text when selected. They follow
// palette changes while the app runs.
QIcon icon(IconId id);
// Always the bundled icon, whatever the theme has.
QIcon bundledIcon(IconId id);
// The resource the bundled icon is drawn from, e.g. ":/icons/actions/new-key.svg".
QString iconResource(IconId id);
// The freedesktop icon names tried in the theme first, in order; empty for icons with no
// established name (those, and pairs like sign in/out or the page icons, stay bundled so the set
// looks consistent).
QStringList themeIconNames(IconId id);

// The app icon: dev.keyward.Keyward from the theme when installed, else the bundled SVG in colour.
QIcon appIcon();
inline constexpr char AppId[] = "dev.keyward.Keyward";

} // namespace keyward
