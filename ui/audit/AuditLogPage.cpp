// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLogPage.h"

#include "AuditEventDetails.h"
#include "AuditExport.h"
#include "AuditLogModel.h"
#include "AuditTimeline.h"
#include "ChainVerifier.h"
#include "DeniedSummary.h"
#include "Icons.h"
#include "PageLayout.h"
#include "Session.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace keyward {

namespace {

// The categories of the filter bar, as action names and prefixes.
struct Category
{
    const char *label;
    QStringList actions;
};

QList<Category> categories()
{
    return {
        {QT_TRANSLATE_NOOP("keyward::AuditLogPage", "All events"), {}},
        {QT_TRANSLATE_NOOP("keyward::AuditLogPage", "Key changes"),
         {QStringLiteral("secret_key."), QStringLiteral("publishable_key.")}},
        {QT_TRANSLATE_NOOP("keyward::AuditLogPage", "Sign-ins"),
         {QStringLiteral("auth.login"), QStringLiteral("auth.login_failed"), QStringLiteral("auth.logout")}},
        {QT_TRANSLATE_NOOP("keyward::AuditLogPage", "Denied requests"), {QStringLiteral("auth.denied")}},
        {QT_TRANSLATE_NOOP("keyward::AuditLogPage", "People and settings"),
         {QStringLiteral("user."), QStringLiteral("org."), QStringLiteral("signing_key.")}},
    };
}

// Denied requests stand out in the table: that is how a leaked key shows itself.
class DeniedRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == AuditLogModel::ActionColumn
            && index.data(AuditLogModel::ActionRole).toString() == QLatin1String("auth.denied")) {
            option->palette.setColor(QPalette::Text, QColor(0xc0, 0x39, 0x2b));
            option->font.setWeight(QFont::DemiBold);
        }
        if (!index.data(AuditLogModel::IntactRole).toBool()) {
            // Its content does not hash to its hash: someone changed it after the fact.
            option->backgroundBrush = QColor(0xc0, 0x39, 0x2b, 70);
            if (index.column() == AuditLogModel::ActionColumn)
                option->text = AuditLogPage::tr("altered · %1").arg(option->text);
        }
    }
};

constexpr auto KeyPrefix = "audit/filter/";

} // namespace

AuditLogPage::AuditLogPage(QWidget *parent)
    : QWidget(parent), m_model(new AuditLogModel(this)), m_applyTimer(new QTimer(this)), m_verifyTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("auditPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *title = new QLabel(tr("Audit log"), this);
    makeHeading(title, 1.4);
    layout->addWidget(title);
    buildFilterBar(this, layout);

    m_timeline = new AuditTimeline(this);
    m_timeline->setObjectName(QStringLiteral("auditTimeline"));
    layout->addWidget(m_timeline);
    connect(m_timeline, &AuditTimeline::rangeSelected, this, &AuditLogPage::setRange);
    connect(m_timeline, &AuditTimeline::bucketActivated, this, &AuditLogPage::setRange);

    m_denied = new DeniedSummaryView(this);
    layout->addWidget(m_denied);
    connect(m_denied, &DeniedSummaryView::showDenied, this, [this](const QString &keyId, const QString &reason) {
        m_restoring = true;
        m_category->setCurrentIndex(m_category->findData(QStringList {QStringLiteral("auth.denied")}));
        m_key->setText(keyId);
        m_actor->clear();
        m_text->setText(reason); // the reason is in the event's details, which the search covers
        m_restoring = false;
        applyFilter();
    });
    connect(m_denied, &DeniedSummaryView::showAllDenied, this, [this] {
        m_restoring = true;
        m_category->setCurrentIndex(m_category->findData(QStringList {QStringLiteral("auth.denied")}));
        m_key->clear();
        m_text->clear();
        m_restoring = false;
        applyFilter();
    });
    connect(m_denied, &DeniedSummaryView::openKeyRequested, this, &AuditLogPage::openKeyRequested);

    auto *verifyRow = new QHBoxLayout;
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("verificationBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(6);
    m_banner->setAccessibleName(tr("Verification"));
    verifyRow->addWidget(m_banner, 1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("auditJobProgress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    verifyRow->addWidget(m_progress);
    m_cancelJob = new QPushButton(tr("&Cancel"), this);
    m_cancelJob->setObjectName(QStringLiteral("cancelAuditJob"));
    m_cancelJob->hide();
    verifyRow->addWidget(m_cancelJob);
    m_trustKey = new QPushButton(tr("&Trust the new signing key"), this);
    m_trustKey->setObjectName(QStringLiteral("trustSigningKeyButton"));
    m_trustKey->setIcon(icon(IconId::Verify));
    m_trustKey->setToolTip(tr("Only if the server's signing key was replaced on purpose (keyward-server signing-key rotate)"));
    m_trustKey->hide();
    verifyRow->addWidget(m_trustKey);
    connect(m_trustKey, &QPushButton::clicked, this, &AuditLogPage::trustNewSigningKey);
    m_verifyAll = new QPushButton(tr("Ve&rify entire log"), this); // Alt+V is the View menu
    m_verifyAll->setObjectName(QStringLiteral("verifyAllButton"));
    m_verifyAll->setIcon(icon(IconId::Verify));
    m_verifyAll->setToolTip(tr("Check every event of the log against its hash chain and the server's signed head"));
    verifyRow->addWidget(m_verifyAll);
    m_exportButton = new QPushButton(tr("E&xport…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setIcon(icon(IconId::Export));
    m_exportButton->setToolTip(tr("Write the events of the current filter to a CSV or JSON Lines file"));
    verifyRow->addWidget(m_exportButton);
    layout->addLayout(verifyRow);
    connect(m_verifyAll, &QPushButton::clicked, this, &AuditLogPage::verifyEntireLog);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditLogPage::exportEvents);
    connect(m_cancelJob, &QPushButton::clicked, this, [this] {
        if (m_fullVerifier)
            m_fullVerifier->cancel();
        if (m_export)
            m_export->cancel();
    });

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new DeniedRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab goes on to the event's details; arrows move in the list
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditLogModel::TimeColumn, 150);
    m_table->setColumnWidth(AuditLogModel::ActorColumn, 190);
    m_table->setColumnWidth(AuditLogModel::ActionColumn, 250);
    m_table->setColumnWidth(AuditLogModel::TargetColumn, 200);
    m_table->setColumnWidth(AuditLogModel::IpColumn, 110);
    m_table->setAccessibleName(tr("Audit events"));
    m_stack->addWidget(m_table);
    m_state = new QLabel(m_stack);
    m_state->setObjectName(QStringLiteral("auditState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_stack->addWidget(m_state);

    m_details = new AuditEventDetails(this);
    m_details->setMinimumWidth(300);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    m_details->hide();

    connect(m_details, &AuditEventDetails::keyClicked, this, &AuditLogPage::showKey);
    connect(m_details, &AuditEventDetails::actorClicked, this, [this](const QString &actorId) {
        m_actor->setText(actorId);
        applyFilter();
    });
    connect(m_details, &AuditEventDetails::openKeyRequested, this, &AuditLogPage::openKeyRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditLogPage::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (current.isValid() && current.row() >= from.row() && current.row() <= to.row())
            updateDetails(); // a dropped event's JSON came back
    });
    connect(m_model, &AuditLogModel::loadingChanged, this, &AuditLogPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateState();
        m_verifyTimer->start(); // more rows to vouch for
    });
    connect(m_model, &AuditLogModel::fetchFailed, this, [this](const QString &message) {
        setBanner(message, QStringLiteral("error"));
        updateState();
    });

    m_applyTimer->setSingleShot(true);
    connect(m_applyTimer, &QTimer::timeout, this, &AuditLogPage::applyFilter);
    m_verifyTimer->setSingleShot(true);
    m_verifyTimer->setInterval(400);
    connect(m_verifyTimer, &QTimer::timeout, this, &AuditLogPage::verifyView);

    auto *refreshAction = new QAction(tr("Reload the events"), this);
    refreshAction->setObjectName(QStringLiteral("refreshAuditAction"));
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &AuditLogPage::refresh);
    addAction(refreshAction);
    auto *find = new QAction(tr("Search events"), this);
    find->setObjectName(QStringLiteral("findAuditAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_text->setFocus();
        m_text->selectAll();
    });
    addAction(find);
    updateState();
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::buildFilterBar(QWidget *parent, QVBoxLayout *layout)
{
    auto *row = new QHBoxLayout;
    m_category = new QComboBox(parent);
    m_category->setObjectName(QStringLiteral("auditCategory"));
    m_category->setAccessibleName(tr("Kind of event"));
    for (const Category &c : categories())
        m_category->addItem(tr(c.label), c.actions);
    m_range = new QComboBox(parent);
    m_range->setObjectName(QStringLiteral("auditRange"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("All time"), int(Range::AllTime));
    m_range->addItem(tr("Custom…"), int(Range::Custom));
    m_range->setCurrentIndex(3);
    m_from = new QDateTimeEdit(parent);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setAccessibleName(tr("From"));
    m_from->setCalendarPopup(true);
    m_to = new QDateTimeEdit(parent);
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_to->setAccessibleName(tr("Until"));
    m_to->setCalendarPopup(true);
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-7));
    m_to->setDateTime(now);
    m_text = new QLineEdit(parent);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Search actor, key, action or details"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Search events"));
    m_text->addAction(icon(IconId::Filter), QLineEdit::LeadingPosition);
    row->addWidget(m_category);
    row->addWidget(m_range);
    row->addWidget(m_from);
    row->addWidget(m_to);
    row->addWidget(m_text, 1);
    layout->addLayout(row);

    auto *more = new QHBoxLayout;
    auto field = [parent, more](QLineEdit *&edit, const QString &name, const QString &label, const QString &hint) {
        auto *caption = new QLabel(label, parent);
        edit = new QLineEdit(parent);
        edit->setObjectName(name);
        edit->setPlaceholderText(hint);
        edit->setClearButtonEnabled(true);
        caption->setBuddy(edit);
        more->addWidget(caption);
        more->addWidget(edit, 1);
    };
    // Alt+K and Alt+V open the Keys and View menus.
    field(m_key, QStringLiteral("auditKey"), tr("Ke&y:"), tr("key id, e.g. key_…"));
    field(m_actor, QStringLiteral("auditActor"), tr("&Actor:"), tr("user or key id"));
    field(m_ip, QStringLiteral("auditIp"), tr("&IP:"), tr("address"));
    m_clear = new QPushButton(tr("C&lear filters"), parent);
    m_clear->setObjectName(QStringLiteral("clearAuditFilters"));
    more->addWidget(m_clear);
    layout->addLayout(more);

    auto now0 = [this] { scheduleApply(0); };
    connect(m_category, &QComboBox::currentIndexChanged, this, now0);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = Range(m_range->currentData().toInt()) == Range::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        scheduleApply(0);
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { scheduleApply(500); });
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, [this] { scheduleApply(500); });
    for (QLineEdit *edit : {m_text, m_key, m_actor, m_ip})
        connect(edit, &QLineEdit::textChanged, this, [this] { scheduleApply(350); }); // typing settles first
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_restoring = true;
        m_category->setCurrentIndex(0);
        m_range->setCurrentIndex(3);
        for (QLineEdit *edit : {m_text, m_key, m_actor, m_ip})
            edit->clear();
        m_restoring = false;
        applyFilter();
    });
    m_from->hide();
    m_to->hide();
}

void AuditLogPage::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_fullVerifier)
        m_fullVerifier->cancel();
    if (m_export)
        m_export->cancel();
    m_session = session;
    delete m_viewVerifier;
    m_viewVerifier = nullptr;
    delete m_service;
    m_service = session ? new AuditService(session->api(), this) : nullptr;
    if (m_service) {
        m_viewVerifier = new ChainVerifier(m_service, this);
        connect(m_viewVerifier, &ChainVerifier::finished, this, &AuditLogPage::showVerification);
    }
    m_model->setFetcher({});
    m_timeline->clear();
    m_denied->clear();
    m_loadedOnce = false;
    setBanner(QString(), QString());
    if (isVisible())
        applyFilter();
    updateState();
}

void AuditLogPage::setSettings(QSettings *settings)
{
    m_settings = settings;
    restoreFilter();
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce && m_service)
        applyFilter();
}

AuditFilter AuditLogPage::filter() const
{
    AuditFilter f;
    f.actions = m_category->currentData().toStringList();
    f.text = m_text->text().trimmed();
    f.keyId = m_key->text().trimmed();
    f.actor = m_actor->text().trimmed();
    f.ip = m_ip->text().trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (Range(m_range->currentData().toInt())) {
    case Range::LastHour:
        f.since = now.addSecs(-3600);
        break;
    case Range::Last24Hours:
        f.since = now.addSecs(-24 * 3600);
        break;
    case Range::Last7Days:
        f.since = now.addDays(-7);
        break;
    case Range::Last30Days:
        f.since = now.addDays(-30);
        break;
    case Range::AllTime:
        break;
    case Range::Custom:
        f.since = m_from->dateTime().toUTC();
        f.until = m_to->dateTime().toUTC();
        break;
    }
    return f;
}

void AuditLogPage::showKey(const QString &keyId)
{
    m_restoring = true;
    m_key->setText(keyId);
    m_actor->clear();
    m_category->setCurrentIndex(0);
    m_range->setCurrentIndex(m_range->findData(int(Range::AllTime)));
    m_restoring = false;
    applyFilter();
}

void AuditLogPage::setRange(const QDateTime &since, const QDateTime &until)
{
    if (!since.isValid() || !until.isValid() || since >= until)
        return;
    m_restoring = true;
    m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
    m_from->setDateTime(since.toLocalTime());
    m_to->setDateTime(until.toLocalTime());
    m_restoring = false;
    applyFilter();
}

void AuditLogPage::scheduleApply(int delayMs)
{
    if (m_restoring)
        return;
    m_applyTimer->start(delayMs);
}

void AuditLogPage::refresh()
{
    applyFilter();
}

void AuditLogPage::applyFilter()
{
    m_applyTimer->stop();
    if (!m_service)
        return;
    saveFilter();
    m_applied = filter();
    m_loadedOnce = true;
    if (m_viewVerifier && m_viewVerifier->isRunning())
        m_viewVerifier->cancel();
    m_verifyTimer->stop();
    m_model->setFetcher(m_service->fetcherFor(m_applied, this));
    m_details->showNothing(0);
    m_details->hide(); // the table has the whole width until an event is selected again
    setBanner(tr("Loading events…"), QStringLiteral("muted"));
    if (m_model->canFetchMore())
        m_model->fetchMore();
    loadHistogram();
    loadDeniedSummary();
    updateState();
}

void AuditLogPage::loadDeniedSummary()
{
    const QDateTime until = m_applied.until.isValid() ? m_applied.until : QDateTime::currentDateTimeUtc();
    const QDateTime since = m_applied.since.isValid() ? m_applied.since : until.addDays(-365);
    m_denied->setLoading(true);
    const quint64 generation = ++m_deniedGeneration;
    m_service->deniedSummary(since, until, m_applied.keyId, this, [this, generation](const Result<DeniedSummary> &r) {
        if (generation != m_deniedGeneration)
            return;
        m_denied->setLoading(false);
        if (!r.ok()) {
            m_denied->setError(tr("The summary of denied requests could not be loaded: %1").arg(r.error().text()));
            return;
        }
        m_denied->setSummary(r.value());
    });
}

void AuditLogPage::loadHistogram()
{
    AuditFilter f = m_applied;
    const QDateTime until = f.until.isValid() ? f.until : QDateTime::currentDateTimeUtc();
    if (!f.since.isValid())
        f.since = until.addDays(-365); // "all time" draws the last year
    const auto span = f.since.secsTo(until);
    const auto bucket = span <= 3 * 24 * 3600 ? AuditHistogram::Bucket::Hour : AuditHistogram::Bucket::Day;
    const int offsetMinutes = QTimeZone::systemTimeZone().offsetFromUtc(until) / 60;
    m_timeline->setLoading(true);
    m_timeline->setSelection(m_applied.since, m_applied.until);
    const quint64 generation = ++m_histogramGeneration;
    m_service->histogram(f, bucket, offsetMinutes, this, [this, generation](const Result<AuditHistogram> &r) {
        if (generation != m_histogramGeneration)
            return; // the filter moved on
        m_timeline->setLoading(false);
        if (!r.ok()) {
            m_timeline->setError(tr("The timeline could not be loaded: %1").arg(r.error().text()));
            return;
        }
        AuditHistogram histogram = r.value();
        // "All time" asks for a year; a shorter history gets the whole width, from a day before
        // its first event.
        if (!m_applied.since.isValid() && histogram.bucket == AuditHistogram::Bucket::Day && !histogram.buckets.isEmpty()) {
            const QDateTime first = histogram.buckets.constFirst().start.addDays(-1);
            if (first > histogram.since)
                histogram.since = first;
        }
        m_timeline->setHistogram(histogram);
    });
}

void AuditLogPage::verifyView()
{
    if (!m_viewVerifier || m_model->isLoading() || m_model->rowCount() == 0)
        return;
    if (m_viewVerifier->isRunning())
        m_viewVerifier->cancel();
    setBanner(tr("Verifying %n event(s) against the hash chain…", nullptr, m_model->rowCount()), QStringLiteral("muted"));
    m_viewVerifier->setPinnedThumbprint(pinnedThumbprint());
    m_viewVerifier->verifyView(m_model->rowDigests(), m_applied);
}

void AuditLogPage::showVerification(const AuditVerification &result)
{
    if (result.outcome == AuditVerification::Outcome::Cancelled)
        return;
    m_lastVerification = result;
    // Trust on first sight: the first head that verifies names the key later heads must match.
    if (result.head.ok && !result.head.thumbprint.isEmpty() && pinnedThumbprint().isEmpty())
        setPinnedThumbprint(result.head.thumbprint);
    m_trustKey->setVisible(result.head.pinMismatch);
    switch (result.outcome) {
    case AuditVerification::Outcome::Intact:
        setBanner(QStringLiteral("✔ ") + result.summary(), QStringLiteral("ok"));
        break;
    case AuditVerification::Outcome::Broken:
        setBanner(QStringLiteral("✖ ") + result.summary(), QStringLiteral("error"));
        if (const QModelIndex row = m_model->indexOfSeq(result.brokenSeq); row.isValid()) {
            m_table->selectRow(row.row()); // its details say what does not match
            m_table->scrollTo(row);
        }
        break;
    default:
        setBanner(result.summary(), QStringLiteral("warning"));
    }
    Q_EMIT verified(result);
}

void AuditLogPage::setBanner(const QString &text, const QString &tone)
{
    // Always there (empty when there is nothing to say), so the buttons beside it keep their place.
    m_banner->setText(text);
    m_banner->setProperty("tone", tone);
    // Screen readers get the verdict in words instead of the ✔ and ✖ glyphs.
    if (text.startsWith(QStringLiteral("✔ ")))
        m_banner->setAccessibleDescription(tr("Check passed: %1").arg(text.mid(2)));
    else if (text.startsWith(QStringLiteral("✖ ")))
        m_banner->setAccessibleDescription(tr("Check failed: %1").arg(text.mid(2)));
    else if (tone == QLatin1String("warning") && !text.isEmpty())
        m_banner->setAccessibleDescription(tr("Warning: %1").arg(text));
    else
        m_banner->setAccessibleDescription(text);
    QString style;
    if (tone == QLatin1String("ok"))
        style = QStringLiteral("QLabel { background: rgba(30,126,52,0.12); color: palette(text); border: 1px solid rgba(30,126,52,0.5); border-radius: 3px; }");
    else if (tone == QLatin1String("error"))
        style = QStringLiteral("QLabel { background: rgba(192,57,43,0.15); color: palette(text); border: 1px solid rgba(192,57,43,0.7); border-radius: 3px; font-weight: 600; }");
    else if (tone == QLatin1String("warning"))
        style = QStringLiteral("QLabel { background: rgba(230,160,0,0.15); color: palette(text); border: 1px solid rgba(230,160,0,0.6); border-radius: 3px; }");
    else
        style = QStringLiteral("QLabel { color: palette(placeholder-text); }");
    m_banner->setStyleSheet(style);
}

QString AuditLogPage::verificationText() const
{
    return m_banner->text();
}

void AuditLogPage::verifyEntireLog()
{
    if (!m_service || m_fullVerifier || m_export)
        return;
    auto *verifier = new ChainVerifier(m_service, this);
    verifier->setPinnedThumbprint(pinnedThumbprint());
    m_fullVerifier = verifier;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelJob->show();
    m_verifyAll->setEnabled(false);
    m_exportButton->setEnabled(false);
    setBanner(tr("Verifying the entire log…"), QStringLiteral("muted"));
    connect(verifier, &ChainVerifier::progress, this, [this](qint64 done, qint64 total) {
        // QProgressBar counts in int: show per mille of large logs.
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        m_progress->setFormat(tr("%1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(verifier, &ChainVerifier::finished, this, [this, verifier](const AuditVerification &result) {
        m_progress->hide();
        m_cancelJob->hide();
        m_verifyAll->setEnabled(true);
        m_exportButton->setEnabled(true);
        if (result.outcome == AuditVerification::Outcome::Cancelled)
            setBanner(tr("Verification of the entire log cancelled."), QStringLiteral("muted"));
        else
            showVerification(result);
        verifier->deleteLater();
    });
    verifier->verifyEntireLog();
}

void AuditLogPage::exportEvents()
{
    if (!m_service || m_export || m_fullVerifier)
        return;
    QString selected;
    const QString csv = tr("CSV (*.csv)");
    const QString jsonl = tr("JSON Lines (*.jsonl)");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Export audit events"),
                                                dir + QStringLiteral("/keyward-audit.csv"),
                                                csv + QStringLiteral(";;") + jsonl, &selected);
    if (path.isEmpty())
        return;
    if (selected == jsonl && !path.endsWith(QLatin1String(".jsonl")))
        path += QStringLiteral(".jsonl");
    exportTo(path);
}

bool AuditLogPage::exportTo(const QString &path)
{
    if (!m_service || m_export)
        return false;
    const auto format = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ? AuditExport::Format::JsonLines
                                                                                    : AuditExport::Format::Csv;
    auto *exporter = new AuditExport(m_service, this);
    m_export = exporter;
    connect(exporter, &AuditExport::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(qMin<qint64>(1000, done * 1000 / total)) : 0);
        m_progress->setFormat(tr("%1 events").arg(QLocale().toString(done)));
    });
    connect(exporter, &AuditExport::finished, this, [this, exporter](const AuditExportResult &result) {
        m_progress->hide();
        m_cancelJob->hide();
        m_verifyAll->setEnabled(true);
        m_exportButton->setEnabled(true);
        QString message;
        switch (result.outcome) {
        case AuditExportResult::Outcome::Written:
            message = tr("Exported %n event(s) to %1.", nullptr, int(result.events)).arg(result.path);
            setBanner(message, QStringLiteral("ok"));
            break;
        case AuditExportResult::Outcome::Cancelled:
            message = tr("Export cancelled; no file was written.");
            setBanner(message, QStringLiteral("muted"));
            break;
        case AuditExportResult::Outcome::Failed:
            message = tr("Export failed: %1").arg(result.message);
            setBanner(message, QStringLiteral("error"));
            break;
        }
        Q_EMIT exportFinished(result.outcome == AuditExportResult::Outcome::Written, message);
        exporter->deleteLater();
    });
    if (!exporter->start(m_applied, format, path)) {
        const QString message = tr("Export failed: %1").arg(exporter->errorString());
        setBanner(message, QStringLiteral("error"));
        exporter->deleteLater();
        Q_EMIT exportFinished(false, message);
        return false;
    }
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelJob->show();
    m_verifyAll->setEnabled(false);
    m_exportButton->setEnabled(false);
    return true;
}

void AuditLogPage::updateDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    // The table has the whole width until an event is selected.
    if (m_details->isHidden() == (rows.size() == 1)) {
        m_details->setVisible(rows.size() == 1);
        if (rows.size() == 1)
            m_splitter->setSizes({70, 30});
    }
    if (rows.size() != 1) {
        m_details->showNothing(int(rows.size()));
        return;
    }
    const int row = rows.constFirst().row();
    if (m_model->requestEvent(row))
        m_details->showAuditEvent(m_model->eventAt(row));
    else
        m_details->showLoading(); // its page is on its way back; dataChanged brings it
}

void AuditLogPage::updateState()
{
    if (!m_service) {
        m_state->setText(tr("Sign in to see the audit log."));
        m_stack->setCurrentWidget(m_state);
        return;
    }
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    if (m_model->isLoading())
        m_state->setText(tr("Loading events…"));
    else if (!m_model->lastError().isEmpty())
        m_state->setText(tr("The events could not be loaded: %1").arg(m_model->lastError()));
    else
        m_state->setText(tr("No events match this filter."));
    m_stack->setCurrentWidget(m_state);
    if (!m_model->isLoading() && m_model->lastError().isEmpty() && m_loadedOnce)
        setBanner(tr("No events to verify in this view."), QStringLiteral("muted"));
}

QString AuditLogPage::pinKey() const
{
    const QString profile = m_session ? m_session->profile().id : QString();
    return QStringLiteral("audit/signing_key_pins/") + QString::fromLatin1(profile.toUtf8().toPercentEncoding("-_.~"));
}

QString AuditLogPage::pinnedThumbprint() const
{
    return m_settings && m_session ? m_settings->value(pinKey()).toString() : QString();
}

void AuditLogPage::setPinnedThumbprint(const QString &thumbprint)
{
    if (m_settings && m_session)
        m_settings->setValue(pinKey(), thumbprint);
}

void AuditLogPage::trustNewSigningKey()
{
    if (!m_lastVerification.head.pinMismatch)
        return;
    setPinnedThumbprint(m_lastVerification.head.thumbprint);
    m_trustKey->hide();
    verifyView();
}

void AuditLogPage::saveFilter() const
{
    if (!m_settings || m_restoring)
        return;
    const QString p = QLatin1String(KeyPrefix);
    m_settings->setValue(p + QStringLiteral("category"), m_category->currentIndex());
    m_settings->setValue(p + QStringLiteral("range"), m_range->currentData().toInt());
    m_settings->setValue(p + QStringLiteral("from"), m_from->dateTime().toUTC());
    m_settings->setValue(p + QStringLiteral("to"), m_to->dateTime().toUTC());
    m_settings->setValue(p + QStringLiteral("text"), m_text->text());
    m_settings->setValue(p + QStringLiteral("key"), m_key->text());
    m_settings->setValue(p + QStringLiteral("actor"), m_actor->text());
    m_settings->setValue(p + QStringLiteral("ip"), m_ip->text());
}

void AuditLogPage::restoreFilter()
{
    if (!m_settings)
        return;
    const QString p = QLatin1String(KeyPrefix);
    m_restoring = true;
    m_category->setCurrentIndex(qBound(0, m_settings->value(p + QStringLiteral("category"), 0).toInt(),
                                       m_category->count() - 1));
    const int range = m_range->findData(m_settings->value(p + QStringLiteral("range"), int(Range::Last30Days)).toInt());
    m_range->setCurrentIndex(range >= 0 ? range : 3);
    if (const QDateTime from = m_settings->value(p + QStringLiteral("from")).toDateTime(); from.isValid())
        m_from->setDateTime(from.toLocalTime());
    if (const QDateTime to = m_settings->value(p + QStringLiteral("to")).toDateTime(); to.isValid())
        m_to->setDateTime(to.toLocalTime());
    m_text->setText(m_settings->value(p + QStringLiteral("text")).toString());
    m_key->setText(m_settings->value(p + QStringLiteral("key")).toString());
    m_actor->setText(m_settings->value(p + QStringLiteral("actor")).toString());
    m_ip->setText(m_settings->value(p + QStringLiteral("ip")).toString());
    m_restoring = false;
    m_applyTimer->stop();
}

} // namespace keyward
