#!/usr/bin/python3
"""Makes the rule-table fixtures of the tests (src/test/resources/rules-fixtures/) the way an analyst
would: LibreOffice, headless, opens the shipped rules/customer/tier.drl.xlsx, a cell is changed, and
LibreOffice saves the workbook as .xlsx (its own writer, not Apache POI's).
Needs soffice and Python's UNO bridge: apt-get install -y libreoffice-calc-nogui python3-uno
Usage: tools/rule-fixtures.py"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, 'rules', 'customer', 'tier.drl.xlsx')
TARGET = os.path.join(ROOT, 'src', 'test', 'resources', 'rules-fixtures')
# fixture -> cells the analyst changes (a number stays a number, text is typed as text)
FIXTURES = {
    'tier-strategic-at-100kv.drl.xlsx': [('D11', 100)],
    'tier-broken-number.drl.xlsx': [('C12', '1,000,000 kWh')],
}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    pipe = 'gridcare_fixtures_%d' % os.getpid()
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
                               '-env:UserInstallation=file://' + profile, '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                context = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit('LibreOffice did not start')
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        for name, cells in FIXTURES.items():
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(SOURCE), '_blank', 0, (prop('Hidden', True),))
            sheet = document.Sheets.getByIndex(0)
            for address, value in cells:
                cell = sheet.getCellRangeByName(address)
                if isinstance(value, str):
                    cell.setString(value)
                else:
                    cell.setValue(value)
            target = os.path.join(TARGET, name)
            document.storeToURL(uno.systemPathToFileUrl(target), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
            document.close(True)
            print('saved by LibreOffice: %s' % os.path.relpath(target, ROOT))
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == '__main__':
    main()
