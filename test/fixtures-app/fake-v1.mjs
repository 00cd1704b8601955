// Stands in for v1 in shadow tests: reads the run's input file, prints records and messages in the
// shape of spec/fixtures/scenarios/out/*.json. FAKE_V1 picks a misbehaviour: hang, exit, garbage,
// bad-shape, or fixture:<path> (print that file as v1 would have).
import fs from 'node:fs';

const inputFile = process.argv[2] ?? process.env.HERALD_INPUT_FILE;
const scheduledAt = process.argv[3] ?? process.env.HERALD_SCHEDULED_AT;
const behaviour = process.env.FAKE_V1 ?? 'ok';

if (behaviour === 'hang') setInterval(() => {}, 1000);
else if (behaviour === 'exit') {
  process.stderr.write('Traceback (most recent call last):\n  File "jobs.py", line 42\nKeyError: \'合同ID(_id)\'\n');
  process.exit(3);
} else if (behaviour === 'garbage') process.stdout.write('处理完成 12 条记录\n');
else if (behaviour === 'bad-shape') process.stdout.write(JSON.stringify({ batches: [{ records: [], messages: [{ recipient: 'x' }] }] }));
else if (behaviour.startsWith('fixture:')) process.stdout.write(fs.readFileSync(behaviour.slice('fixture:'.length), 'utf8'));
else {
  const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  const day = scheduledAt.slice(0, 10);
  const totals = new Map();
  const records = [];
  const messages = [];
  for (const c of input.contracts) {
    const t = totals.get(c.housekeeper) ?? { count: 0, amount: 0 };
    t.count += 1;
    t.amount += c.amount;
    totals.set(c.housekeeper, t);
    records.push({
      活动编号: input.campaign,
      '合同ID(_id)': c.id,
      '管家(serviceHousekeeper)': c.housekeeper,
      '合同金额(adjustRefundMoney)': String(c.amount),
      管家累计单数: t.count,
      管家累计金额: t.amount.toFixed(1),
      登记时间: new Date().toISOString(),
    });
    if (c.signedAt.slice(0, 10) === day) {
      messages.push({ recipient: '（测试）运营群', message: `恭喜 ${c.housekeeper} 签约合同 ${c.id}\n\n个人累计签约第 ${t.count} 单，累计 ${t.amount} 元\n` });
    }
  }
  process.stdout.write(JSON.stringify({ campaign: input.campaign, batches: [{ records, messages }] }));
}
