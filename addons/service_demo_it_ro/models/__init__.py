from . import service_demo_it_ro
