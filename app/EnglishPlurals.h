// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace keyward {

// Source strings use Qt's plural convention ("%n day(s) ago"), which needs a translation to read
// well even in English. Until the English .qm of the translations milestone exists, this resolves
// "(s)" by the count: "1 day ago", "3 days ago". Real translations, installed after it, win.
class EnglishPlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
};

} // namespace keyward
