/* retl --demo: the UI on the bundled demo corpus, loaded through the real
 * refresh path (file:// feeds) into a fresh temporary database. */
#ifndef RETL_DEMO_H
#define RETL_DEMO_H

/* Returns the exit status. */
int demo_run(void);

#endif
