// The baseline of the CLI benchmark: the same reader (ExcelJS) loading the same .xlsx and walking
// every cell, nothing else. `node scripts/bench/bare-read.js FILE`
const ExcelJS = require('exceljs');

async function main(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let cells = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== undefined) cells++;
      }),
    );
  }
  return cells;
}

main(process.argv[2]).then(
  (cells) => {
    if (cells === 0) process.exitCode = 1;
  },
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  },
);
