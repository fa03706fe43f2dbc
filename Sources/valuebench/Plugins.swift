import Differentiation
import Guide
import KPI
import Modeling
import Workbench

/// Every plugin, in the order `help` lists them. Adding a plugin: a folder under Plugins/, its
/// name in Package.swift's `plugins`, and one line here.
let allPlugins: [any WorkbenchPlugin] = [
    CorePlugin(),
    ModelingPlugin(),
    GuidePlugin(),
    KPIPlugin(),
    DifferentiationPlugin(),
]
