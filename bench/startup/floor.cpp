// SPDX-License-Identifier: GPL-3.0-or-later
// The floor for bench/startup.sh: the least a Qt Widgets app can do before its first paint (a
// QMainWindow with a menu bar, a toolbar and a QTableView), measured the same way as keyward.
#include "FirstPaintProbe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QMenuBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolBar>



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
    keyward::FirstPaintProbe probe(&clock);
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}
