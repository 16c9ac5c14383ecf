// SPDX-License-Identifier: GPL-3.0-or-later
// The floor for bench/startup.sh: the least a Qt Widgets app can do before its first paint (a
// QMainWindow with a menu bar, a toolbar and a QTableView), measured the same way as keyward.
#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QMenuBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include <cstdio>

namespace {
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QElapsedTimer *clock) : m_clock(clock) { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first-paint-ms %.2f\n", double(m_clock->nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer *m_clock;
    bool m_done = false;
};
} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.addToolBar(QStringLiteral("Main"));
    QStandardItemModel model(10, 4);
    auto *view = new QTableView(&window);
    view->setModel(&model);
    window.setCentralWidget(view);
    window.resize(1100, 720);
    FirstPaint probe(&clock);
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}
