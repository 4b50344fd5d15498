from . import report_software_licence
