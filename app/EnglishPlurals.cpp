// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnglishPlurals.h"

#include <cstring>

namespace keyward {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
        return {}; // not ours: Qt falls back to the source text
    QString text = QString::fromUtf8(sourceText);
    text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return text;
}

} // namespace keyward
