// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayoutCheck.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMultiMap>
#include <QMenuBar>
#include <QScrollArea>
#include <QStyleOption>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>

namespace layoutcheck {

namespace {

QString plain(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    QString out = rich ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out.simplified();
}

// The text as shown: without the mnemonic marker (a doubled && stays one &).
QString withoutMnemonic(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&'))
            text.remove(i, 1); // the next character (a letter, or the second &) stays
    }
    return text;
}

QString shownText(const QWidget *w)
{
    if (w->isWindow())
        return w->windowTitle();
    if (auto *label = qobject_cast<const QLabel *>(w))
        return plain(label->text(), label->textFormat());
    if (auto *button = qobject_cast<const QAbstractButton *>(w))
        return withoutMnemonic(button->text());
    if (auto *box = qobject_cast<const QGroupBox *>(w))
        return withoutMnemonic(box->title());
    if (auto *combo = qobject_cast<const QComboBox *>(w))
        return combo->currentText();
    if (auto *edit = qobject_cast<const QLineEdit *>(w))
        return edit->text().isEmpty() ? edit->placeholderText() : QString();
    if (auto *spin = qobject_cast<const QAbstractSpinBox *>(w))
        return spin->text();
    return {};
}

QString px(int value)
{
    return QString::number(value) + QStringLiteral(" px");
}

// The widgets a layout manages, through its nested layouts.
void layoutWidgets(const QLayout *layout, QList<QWidget *> &out)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (!item)
            continue;
        if (QWidget *w = item->widget())
            out.append(w);
        else if (const QLayout *inner = item->layout())
            layoutWidgets(inner, out);
    }
}

bool isScrolledContent(const QWidget *w)
{
    const QWidget *parent = w->parentWidget();
    if (!parent)
        return false;
    const auto *area = qobject_cast<const QAbstractScrollArea *>(parent->parentWidget());
    return area && area->viewport() == parent;
}

class Checker
{
public:
    Checker(QWidget *window, const Options &options)
        : m_window(window)
        , m_options(options)
    {
    }

    QStringList run()
    {
        windowTitle(m_window);
        layout(m_window);
        const QList<QWidget *> all = m_window->findChildren<QWidget *>();
        for (QWidget *w : all) {
            if (w->window() != m_window || !w->isVisible() || ignored(w))
                continue;
            insideParent(w);
            layout(w);
            if (auto *label = qobject_cast<QLabel *>(w))
                checkLabel(label);
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                checkButton(button);
            else if (auto *combo = qobject_cast<QComboBox *>(w))
                checkCombo(combo);
            else if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
                checkSpinBox(spin);
            else if (auto *edit = qobject_cast<QLineEdit *>(w))
                checkPlaceholder(edit);
            else if (auto *box = qobject_cast<QGroupBox *>(w))
                checkGroupBox(box);
            else if (auto *tabs = qobject_cast<QTabBar *>(w))
                checkTabs(tabs);
            else if (auto *header = qobject_cast<QHeaderView *>(w))
                checkHeader(header);
            else if (auto *scroll = qobject_cast<QScrollArea *>(w))
                checkScrollArea(scroll);
            else if (auto *menuBar = qobject_cast<QMenuBar *>(w))
                checkOverflow(menuBar, "qt_menubar_ext_button", "menus");
            else if (auto *toolBar = qobject_cast<QToolBar *>(w))
                checkOverflow(toolBar, "qt_toolbar_ext_button", "items");
        }
        return m_problems;
    }

private:
    void report(const QWidget *w, const QString &what)
    {
        m_problems.append(describe(w) + QStringLiteral(": ") + what);
    }

    bool ignored(const QWidget *w) const
    {
        for (const QWidget *p = w; p && p != m_window; p = p->parentWidget()) {
            if (!p->objectName().isEmpty() && m_options.ignoredObjectNames.contains(p->objectName()))
                return true;
        }
        return false;
    }

    // Widgets a composite control is made of (a spin box's or combo box's line edit) are judged
    // through the control.
    static bool isPartOfControl(const QWidget *w)
    {
        const QWidget *parent = w->parentWidget();
        return qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent);
    }

    bool tooSmall(int need, int have) const { return need > have + m_options.tolerance; }

    void windowTitle(const QWidget *window)
    {
        QString title = window->windowTitle();
        title.remove(QStringLiteral("[*]"));
        if (title.isEmpty())
            return;
        QFont font = QApplication::font("QMdiSubWindowTitleBar");
        font.setBold(true);
        const int need = QFontMetrics(font).horizontalAdvance(title) + m_options.titleBarReserve;
        if (tooSmall(need, window->width()))
            report(window,
                QStringLiteral("the window title is cut off in the title bar: with the frame's icon and "
                               "buttons it needs about %1, the window is %2 wide")
                    .arg(px(need), px(window->width())));
    }

    void insideParent(const QWidget *w)
    {
        const QWidget *parent = w->parentWidget();
        if (!parent || w->isWindow() || isScrolledContent(w))
            return;
        const int t = m_options.tolerance;
        const QRect room = parent->rect().adjusted(-t, -t, t, t);
        const QRect g = w->geometry();
        if (!room.contains(g))
            report(w,
                QStringLiteral("reaches outside its parent %1 (at %2,%3 size %4×%5 in a %6×%7 parent)")
                    .arg(describe(parent))
                    .arg(g.x())
                    .arg(g.y())
                    .arg(g.width())
                    .arg(g.height())
                    .arg(parent->width())
                    .arg(parent->height()));
    }

    // The layout's minimum (without height-for-width: word-wrapped labels report their own
    // lack of height) is more than the widget has. Only the outermost widget of a chain of
    // squeezed ones is named: its parent had no room for it (or it has a maximum size), the
    // ones inside follow from it, and what gets cut there is reported widget by widget.
    static bool squeezed(const QWidget *w, int tolerance, QSize *need = nullptr)
    {
        const QLayout *l = w->layout();
        if (!l || !l->isEnabled())
            return false;
        const QSize min = l->totalMinimumSize();
        if (need)
            *need = min;
        return min.width() > w->width() + tolerance || min.height() > w->height() + tolerance;
    }

    // The widget's layout: enough room for its minimum, and no two of its widgets on each other.
    void layout(const QWidget *w)
    {
        const QLayout *l = w->layout();
        if (!l || !l->isEnabled())
            return;
        QSize need;
        const QWidget *parent = w->parentWidget();
        if (squeezed(w, m_options.tolerance, &need)
            && (w->isWindow() || !parent || !squeezed(parent, m_options.tolerance)))
            report(w,
                QStringLiteral("its contents are squeezed: its layout needs at least %1×%2, it has %3×%4")
                    .arg(need.width())
                    .arg(need.height())
                    .arg(w->width())
                    .arg(w->height()));

        QList<QWidget *> managed;
        layoutWidgets(l, managed);
        managed.removeIf([this](const QWidget *c) { return c->isWindow() || !c->isVisible() || ignored(c); });
        const int t = m_options.tolerance;
        for (qsizetype i = 0; i < managed.size(); ++i) {
            for (qsizetype j = i + 1; j < managed.size(); ++j) {
                const QRect overlap = managed.at(i)->geometry() & managed.at(j)->geometry();
                if (overlap.width() > t && overlap.height() > t)
                    report(managed.at(i),
                        QStringLiteral("overlaps %1 by %2×%3")
                            .arg(describe(managed.at(j)))
                            .arg(overlap.width())
                            .arg(overlap.height()));
            }
        }
    }

    void checkLabel(const QLabel *label)
    {
        if (label->text().isEmpty())
            return; // a picture
        if (!label->wordWrap()) {
            const QSize need = label->sizeHint();
            if (tooSmall(need.width(), label->width()))
                report(label,
                    QStringLiteral("text cut off: it needs %1, the label is %2 wide")
                        .arg(px(need.width()), px(label->width())));
            else if (tooSmall(need.height(), label->height()))
                report(label,
                    QStringLiteral("text cut off at the bottom: it needs %1, the label is %2 high")
                        .arg(px(need.height()), px(label->height())));
            return;
        }
        const int word = label->minimumSizeHint().width();
        if (tooSmall(word, label->width()))
            report(label,
                QStringLiteral("a word does not fit: the longest needs %1, the label is %2 wide")
                    .arg(px(word), px(label->width())));
        const int height = label->heightForWidth(label->width());
        if (tooSmall(height, label->height()))
            report(label,
                QStringLiteral(
                    "wrapped text cut off at the bottom: at its width it needs %1, the label is %2 high")
                    .arg(px(height), px(label->height())));
    }

    void checkButton(const QAbstractButton *button)
    {
        if (button->text().isEmpty())
            return;
        if (auto *tool = qobject_cast<const QToolButton *>(button);
            tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly && !tool->icon().isNull())
            return; // the text is only a tooltip
        const int need = button->sizeHint().width();
        if (tooSmall(need, button->width()))
            report(button,
                QStringLiteral("text cut off: the button needs %1, it is %2 wide")
                    .arg(px(need), px(button->width())));
    }

    void checkCombo(const QComboBox *combo)
    {
        if (combo->isEditable() || combo->currentText().isEmpty())
            return; // an editable one scrolls its text like a line edit
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = false;
        option.frame = combo->hasFrame();
        option.currentText = combo->currentText();
        option.currentIcon = combo->itemIcon(combo->currentIndex());
        option.iconSize = combo->iconSize();
        const QFontMetrics fm = combo->fontMetrics();
        const int iconWidth = option.currentIcon.isNull() ? 0 : combo->iconSize().width() + 4;
        // Measured as QComboBox sizes itself for its items (their bounding rectangles).
        const QSize contents(fm.boundingRect(option.currentText).width() + iconWidth, fm.height());
        const int need
            = combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option, contents, combo).width();
        if (tooSmall(need, combo->width()))
            report(combo,
                QStringLiteral("current text cut off: it needs %1, the combo box is %2 wide")
                    .arg(px(need), px(combo->width())));
    }

    void checkSpinBox(const QAbstractSpinBox *spin)
    {
        const int need = spin->minimumSizeHint().width();
        if (tooSmall(need, spin->width()))
            report(spin,
                QStringLiteral("value cut off: its longest value needs %1, it is %2 wide")
                    .arg(px(need), px(spin->width())));
    }

    void checkPlaceholder(const QLineEdit *edit)
    {
        if (isPartOfControl(edit) || !edit->text().isEmpty() || edit->placeholderText().isEmpty())
            return;
        QStyleOptionFrame option;
        option.initFrom(edit);
        option.rect = edit->rect();
        option.lineWidth
            = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit) : 0;
        option.midLineWidth = 0;
        option.state |= QStyle::State_Sunken;
        QRect room = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
        room = room.marginsRemoved(edit->textMargins());
        room.adjust(2, 0, -2, 0); // the line edit's own margin around its text
        // Side widgets (the clear button, actions) take their room from the text.
        for (const QWidget *side : edit->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (!side->isVisibleTo(edit) || side->isWindow())
                continue;
            const QRect g = side->geometry();
            if (g.center().x() > edit->width() / 2)
                room.setRight(qMin(room.right(), g.left() - 1));
            else
                room.setLeft(qMax(room.left(), g.right() + 1));
        }
        const int need = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        if (tooSmall(need, room.width()))
            report(edit,
                QStringLiteral("placeholder text cut off: it needs %1, the field has %2 for text")
                    .arg(px(need), px(room.width())));
    }

    void checkGroupBox(const QGroupBox *box)
    {
        if (box->title().isEmpty())
            return;
        QStyleOptionGroupBox option;
        option.initFrom(box);
        option.text = box->title();
        option.lineWidth = 1;
        option.subControls = QStyle::SC_GroupBoxFrame | QStyle::SC_GroupBoxLabel;
        if (box->isCheckable())
            option.subControls |= QStyle::SC_GroupBoxCheckBox;
        const QFontMetrics fm = box->fontMetrics();
        int width
            = fm.horizontalAdvance(withoutMnemonic(box->title())) + fm.horizontalAdvance(QLatin1Char(' '));
        if (box->isCheckable())
            width += box->style()->pixelMetric(QStyle::PM_IndicatorWidth, &option, box)
                + box->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, &option, box);
        const int need = box->style()
                             ->sizeFromContents(QStyle::CT_GroupBox, &option, QSize(width, fm.height()), box)
                             .width();
        if (tooSmall(need, box->width()))
            report(box,
                QStringLiteral("title cut off: it needs %1, the group box is %2 wide")
                    .arg(px(need), px(box->width())));
    }

    void checkTabs(const QTabBar *bar)
    {
        for (int i = 0; i < bar->count(); ++i) {
            if (!bar->isTabVisible(i) || bar->tabText(i).isEmpty())
                continue;
            // The tab's natural size: the same tab alone in a bar of the same kind.
            QTabBar probe;
            probe.setStyle(bar->style());
            probe.setFont(bar->font());
            probe.setDocumentMode(bar->documentMode());
            probe.setShape(bar->shape());
            probe.setIconSize(bar->iconSize());
            probe.setTabsClosable(bar->tabsClosable());
            probe.setElideMode(Qt::ElideNone);
            probe.addTab(bar->tabIcon(i), bar->tabText(i));
            const QRect shown = bar->tabRect(i);
            const bool horizontal = bar->shape() == QTabBar::RoundedNorth
                || bar->shape() == QTabBar::RoundedSouth || bar->shape() == QTabBar::TriangularNorth
                || bar->shape() == QTabBar::TriangularSouth;
            const int need = horizontal ? probe.sizeHint().width() : probe.sizeHint().height();
            const int have = horizontal ? shown.width() : shown.height();
            const QString name = QStringLiteral("tab “%1”").arg(withoutMnemonic(bar->tabText(i)));
            if (tooSmall(need, have))
                report(bar,
                    QStringLiteral("%1 is elided: it needs %2, it has %3").arg(name, px(need), px(have)));
            else if (!bar->rect().contains(shown))
                report(bar, QStringLiteral("%1 is scrolled out of the tab bar").arg(name));
        }
    }

    void checkHeader(const QHeaderView *header)
    {
        const QAbstractItemModel *model = header->model();
        if (!model)
            return;
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const QFontMetrics fm = header->fontMetrics();
        for (int logical = 0; logical < header->count(); ++logical) {
            if (header->isSectionHidden(logical))
                continue;
            const QString text
                = model->headerData(logical, header->orientation(), Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            // As the styles size a header section: margins around the text, and room for the
            // sort indicator where it shows.
            const QSize textSize = fm.size(0, text);
            int need = margin + textSize.width() + margin;
            const bool sorted = header->isSortIndicatorShown() && header->sortIndicatorSection() == logical;
            if (header->orientation() == Qt::Horizontal) {
                if (sorted)
                    need += margin + textSize.height() + margin + margin;
            } else {
                need = margin + textSize.height() + margin;
            }
            const int have = header->sectionSize(logical);
            if (!tooSmall(need, have))
                continue;
            const QHeaderView::ResizeMode mode = header->sectionResizeMode(logical);
            const bool byHand = mode == QHeaderView::Interactive
                && !(header->stretchLastSection() && header->logicalIndex(header->count() - 1) == logical);
            report(header,
                QStringLiteral("column “%1” is cut off: its title needs %2, the column is %3%4")
                    .arg(text, px(need), px(have),
                        byHand ? QStringLiteral(" (until the user widens it)") : QString()));
        }
    }

    void checkScrollArea(const QScrollArea *area)
    {
        const QWidget *content = area->widget();
        if (!content || !content->isVisible())
            return;
        const QSize view = area->viewport()->size();
        if (area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff
            && tooSmall(content->width(), view.width()))
            report(content,
                QStringLiteral("cut off on the right: it is %1 wide in a scroll area %2 wide that does not "
                               "scroll sideways")
                    .arg(px(content->width()), px(view.width())));
        if (area->verticalScrollBarPolicy() == Qt::ScrollBarAlwaysOff
            && tooSmall(content->height(), view.height()))
            report(content,
                QStringLiteral("cut off at the bottom: it is %1 high in a scroll area %2 high that does "
                               "not scroll")
                    .arg(px(content->height()), px(view.height())));
    }

    void checkOverflow(const QWidget *bar, const char *extensionName, const char *what)
    {
        const auto *extension
            = bar->findChild<QWidget *>(QLatin1String(extensionName), Qt::FindDirectChildrenOnly);
        if (extension && extension->isVisible())
            report(bar,
                QStringLiteral("too narrow for its %1: some are only in its » menu")
                    .arg(QLatin1String(what)));
    }

    QWidget *m_window;
    const Options &m_options;
    QStringList m_problems;
};

} // namespace

QString describe(const QWidget *widget)
{
    QString out = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        out += QLatin1Char('#') + widget->objectName();
    QString text = shownText(widget);
    if (!text.isEmpty()) {
        if (text.size() > 70)
            text = text.left(69) + QChar(0x2026);
        out += QStringLiteral(" “") + text + QStringLiteral("”");
    }
    if (widget->objectName().isEmpty() && !widget->isWindow()) {
        // An anonymous container: say what it holds (Qt's own parts are named qt_… or __qt__…).
        for (const QWidget *inner : widget->findChildren<QWidget *>()) {
            const QString name = inner->objectName();
            if (inner->isVisible() && !name.isEmpty() && !name.startsWith(QLatin1String("qt_"))
                && !name.startsWith(QLatin1String("__qt__"))) {
                out += QStringLiteral(" around ") + name;
                break;
            }
        }
    }
    if (!widget->isWindow()) {
        QStringList path;
        for (const QWidget *p = widget->parentWidget(); p && path.size() < 2; p = p->parentWidget()) {
            if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_")))
                path.prepend(p->objectName());
            if (p->isWindow())
                break;
        }
        if (!path.isEmpty())
            out += QStringLiteral(" in ") + path.join(QLatin1Char('/'));
    }
    return out;
}

QStringList check(QWidget *window, const Options &options)
{
    return Checker(window, options).run();
}

QStringList mnemonicClashes(QWidget *window)
{
    // The letter after a single '&' ("&&" is a literal ampersand), lower-cased; none: null.
    const auto mnemonicOf = [](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
        return QChar();
    };
    QMultiMap<QChar, QString> owners; // letter → what carries it
    const auto add = [&](const QString &text, const QString &what) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            owners.insert(letter, what);
    };
    const auto mine = [window](const QWidget *w) { return w->window() == window && w->isVisible() && w->isEnabled(); };
    if (const auto *main = qobject_cast<const QMainWindow *>(window); main && main->menuWidget()) {
        if (const auto *bar = qobject_cast<const QMenuBar *>(main->menuWidget())) {
            // The menu bar answers to its menus' letters whether or not a menu is enabled.
            for (const QAction *a : bar->actions())
                if (a->isVisible())
                    add(a->text(), QStringLiteral("menu “%1”").arg(a->text()));
        }
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!mine(w))
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            add(button->text(), describe(w));
        } else if (const auto *label = qobject_cast<const QLabel *>(w)) {
            if (label->buddy() && label->buddy()->isVisible() && label->buddy()->isEnabled())
                add(label->text(), describe(w));
        } else if (const auto *box = qobject_cast<const QGroupBox *>(w)) {
            add(box->title(), describe(w));
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i) && tabs->isTabEnabled(i))
                    add(tabs->tabText(i), QStringLiteral("tab “%1”").arg(tabs->tabText(i)));
        }
    }
    QStringList problems;
    for (const QChar letter : owners.uniqueKeys()) {
        const QStringList same = owners.values(letter);
        if (same.size() > 1)
            problems.append(QStringLiteral("Alt+%1 belongs to %2 controls: %3")
                                .arg(letter.toUpper())
                                .arg(same.size())
                                .arg(same.join(QStringLiteral("; "))));
    }
    return problems;
}

} // namespace layoutcheck
