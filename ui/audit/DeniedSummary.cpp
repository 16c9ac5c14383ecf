// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeniedSummary.h"

#include "AuditEventFormat.h"
#include "KeyListModel.h"

#include <QFocusEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <limits>

namespace keyward {

namespace {

const QString LeakColor = QStringLiteral("#c0392b");

// A label holding one link that Tab reaches (its link gets the focus, Enter follows it).
class LinkLabel : public QLabel
{
public:
    LinkLabel(const QString &objectName, const QString &text, QWidget *parent)
        : QLabel(parent)
    {
        setObjectName(objectName);
        setTextFormat(Qt::RichText);
        setText(QStringLiteral("<a href=\"#\">%1</a>").arg(text.toHtmlEscaped()));
        setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        setFocusPolicy(Qt::StrongFocus);
        setAccessibleName(text);
    }

protected:
    void focusInEvent(QFocusEvent *event) override
    {
        QLabel::focusInEvent(event);
        if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
            QLabel::focusNextPrevChild(event->reason() == Qt::TabFocusReason);
    }
};

QString upperFirst(const QString &s)
{
    return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1);
}

} // namespace

DeniedSummaryView::DeniedSummaryView(QWidget *parent)
    : QFrame(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("deniedSummary"));
    setAccessibleName(tr("Denied requests"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 6, 8, 6);
    outer->setSpacing(4);
    m_lines = new QVBoxLayout;
    m_lines->setSpacing(4);
    outer->addLayout(m_lines);
    auto *moreRow = new QHBoxLayout;
    m_more = new LinkLabel(QStringLiteral("deniedSummaryMore"), QString(), this);
    connect(m_more, &QLabel::linkActivated, this, [this] { Q_EMIT showAllDenied(); });
    moreRow->addWidget(m_more);
    moreRow->addStretch(1);
    outer->addLayout(moreRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deniedSummaryStatus"));
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(1);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: palette(placeholder-text); }"));
    outer->addWidget(m_status);
    m_more->hide();
    m_status->hide();
    hide();
}

void DeniedSummaryView::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QStringList DeniedSummaryView::lineTexts() const
{
    return m_texts;
}

void DeniedSummaryView::clearLines()
{
    for (QWidget *w : std::as_const(m_lineWidgets))
        delete w;
    m_lineWidgets.clear();
    m_texts.clear();
    m_more->hide();
    setAccessibleDescription(QString());
}

void DeniedSummaryView::clear()
{
    clearLines();
    m_status->hide();
    hide();
}

void DeniedSummaryView::setLoading(bool loading)
{
    // Nothing appears while loading when nothing was shown: no flicker for a log without denials.
    if (loading && !m_lineWidgets.isEmpty()) {
        m_status->setText(tr("Updating…"));
        m_status->show();
    } else if (!loading && m_status->text() == tr("Updating…")) {
        m_status->hide();
    }
    setProperty("loading", loading);
}

void DeniedSummaryView::setError(const QString &message)
{
    clearLines();
    m_status->setText(tr("Denied requests could not be summarized: %1").arg(message));
    m_status->show();
    show();
}

void DeniedSummaryView::setSummary(const DeniedSummary &summary)
{
    clearLines();
    m_status->hide();
    m_status->clear();
    setProperty("loading", false);
    if (summary.groups.isEmpty()) {
        hide();
        return;
    }
    for (qsizetype i = 0; i < summary.groups.size() && i < MaxLines; ++i) {
        QWidget *line = lineFor(summary.groups.at(i));
        m_lines->addWidget(line);
        m_lineWidgets.append(line);
    }
    const qint64 more = qMax<qint64>(summary.groupCount, summary.groups.size()) - m_lineWidgets.size();
    if (more > 0) {
        const QString text = tr("and %n more", nullptr, int(qMin<qint64>(more, std::numeric_limits<int>::max())));
        m_more->setText(QStringLiteral("<a href=\"#\">%1</a>").arg(text.toHtmlEscaped()));
        m_more->setAccessibleName(tr("Show all denied requests (%1)").arg(text));
        m_more->setToolTip(tr("Show all denied requests"));
        m_more->show();
    }
    QStringList description = m_texts;
    if (m_more->isVisibleTo(this))
        description.append(m_more->accessibleName());
    setAccessibleDescription(description.join(QLatin1Char('\n')));
    placeInTabOrder();
    show();
}

void DeniedSummaryView::placeInTabOrder()
{
    // New lines join the end of the window's focus chain: put their links where the summary is,
    // after the last control before it (the timeline on the audit page), and before "and N more".
    QWidget *before = previousInFocusChain();
    while (before != this && (isAncestorOf(before) || !(before->focusPolicy() & Qt::TabFocus)))
        before = before->previousInFocusChain();
    QWidget *previous = before == this ? nullptr : before;
    QList<QWidget *> links;
    for (QWidget *line : std::as_const(m_lineWidgets)) {
        for (const char *name : {"showDeniedLink", "openKeyLink"}) {
            if (auto *link = line->findChild<QLabel *>(QLatin1String(name)))
                links.append(link);
        }
    }
    links.append(m_more);
    for (QWidget *link : std::as_const(links)) {
        if (previous)
            QWidget::setTabOrder(previous, link);
        previous = link;
    }
}

QString DeniedSummaryView::lineText(const DeniedSummaryGroup &group) const
{
    QString from;
    if (group.ipCount == 1 && !group.ips.isEmpty()) {
        from = tr("from %1").arg(group.ips.first().ip);
    } else if (group.ipCount > 1) {
        QStringList shown;
        for (qsizetype i = 0; i < group.ips.size() && i < 2; ++i)
            shown.append(group.ips.at(i).ip);
        if (group.ipCount > shown.size())
            shown.append(QStringLiteral("…"));
        // Two or more here: the English source is plural; translations get %n's forms.
        from = tr("from %n addresses (%1)", nullptr, int(qMin<qint64>(group.ipCount, std::numeric_limits<int>::max())))
                   .arg(shown.join(QStringLiteral(", ")));
    }
    const QString last = KeyListModel::relativeTime(group.lastAt, m_now());
    const int count = int(qMin<qint64>(group.count, std::numeric_limits<int>::max()));
    const QString key = group.keyDisplay.isEmpty() ? group.keyId : group.keyDisplay;
    QString text;
    if (group.isDeadKey()) {
        if (group.reason == QLatin1String("revoked key"))
            text = tr("⚠ Revoked key “%1” used %n time(s) %2, last %3", nullptr, count);
        else if (group.reason == QLatin1String("expired key"))
            text = tr("⚠ Expired key “%1” used %n time(s) %2, last %3", nullptr, count);
        else
            text = tr("⚠ Deleted key “%1” used %n time(s) %2, last %3", nullptr, count);
        text = text.arg(key, from, last);
    } else {
        const QString reason = upperFirst(AuditEventFormat::actionText(QStringLiteral("auth.denied"), group.reason));
        if (!group.keyId.isEmpty())
            text = tr("%1 for key “%2”: %n time(s) %3, last %4", nullptr, count).arg(reason, key, from, last);
        else
            text = tr("%1: %n time(s) %2, last %3", nullptr, count).arg(reason, from, last);
    }
    // "%2" left empty by an event without an address leaves a double space.
    return text.simplified();
}

QWidget *DeniedSummaryView::lineFor(const DeniedSummaryGroup &group)
{
    auto *line = new QWidget(this);
    line->setObjectName(QStringLiteral("deniedSummaryLine"));
    line->setProperty("keyId", group.keyId);
    line->setProperty("reason", group.reason);
    line->setProperty("leak", group.isDeadKey());
    auto *row = new QHBoxLayout(line);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(12);

    const QString text = lineText(group);
    m_texts.append(text);
    auto *label = new QLabel(text, line);
    label->setObjectName(QStringLiteral("deniedSummaryText"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setMinimumWidth(1);
    label->setAccessibleName(text);
    if (group.isDeadKey())
        label->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: 600; }").arg(LeakColor));
    const QLocale locale;
    QStringList ips;
    for (const DeniedSummaryIp &ip : group.ips)
        ips.append(tr("%1: %n request(s)", nullptr, int(qMin<qint64>(ip.count, std::numeric_limits<int>::max())))
                       .arg(ip.ip));
    QString tip = tr("First %1, last %2")
                      .arg(locale.toString(group.firstAt.toLocalTime(), QLocale::ShortFormat),
                           locale.toString(group.lastAt.toLocalTime(), QLocale::ShortFormat));
    if (!ips.isEmpty())
        tip += QLatin1Char('\n') + ips.join(QLatin1Char('\n'));
    label->setToolTip(tip);
    label->setAccessibleDescription(tip);
    row->addWidget(label, 1);

    auto *show = new LinkLabel(QStringLiteral("showDeniedLink"), tr("Show these requests"), line);
    show->setAccessibleDescription(text); // which requests: the line it stands on
    connect(show, &QLabel::linkActivated, this,
            [this, keyId = group.keyId, reason = group.reason] { Q_EMIT showDenied(keyId, reason); });
    row->addWidget(show, 0, Qt::AlignTop);
    if (!group.keyId.isEmpty()) {
        auto *open = new LinkLabel(QStringLiteral("openKeyLink"), tr("Open key"), line);
        open->setAccessibleDescription(group.keyDisplay.isEmpty() ? group.keyId : group.keyDisplay);
        connect(open, &QLabel::linkActivated, this, [this, keyId = group.keyId] { Q_EMIT openKeyRequested(keyId); });
        row->addWidget(open, 0, Qt::AlignTop);
    }
    return line;
}

} // namespace keyward
