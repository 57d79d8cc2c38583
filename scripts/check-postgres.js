// Fails fast, with a message that says what to do, when the PostgreSQL server the database
// tests need is not reachable.
const { Client } = require('pg');

const url = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const client = new Client({
  connectionString: url,
  connectionTimeoutMillis: 5000,
});
client
  .connect()
  .then(() => client.query('select version() as v'))
  .then(res => {
    console.log(`==> PostgreSQL reachable: ${res.rows[0].v.split(',')[0]}`);
    return client.end();
  })
  .catch(error => {
    console.error(
      `ERROR: PostgreSQL is not reachable at ${url} (${error.message}).\n` +
        'The database tests run on SQLite AND PostgreSQL and will not silently skip one.\n' +
        'Start PostgreSQL on 127.0.0.1:5432 with user postgres and trust auth, or point\n' +
        'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING at another server.',
    );
    process.exit(1);
  });
